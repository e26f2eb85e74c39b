import { z } from 'zod';
import { idParam } from '../../browse/schemas';
import { studyRoles, type StudyRole } from '../../db/schema/coding';

export const studyInput = z.object({
  name: z.string().trim().min(1, 'a study needs a name').max(200),
  description: z.string().trim().max(5000).default(''),
  openCoding: z.boolean().default(false),
});
export type StudyInput = z.infer<typeof studyInput>;

/** The study settings a supervisor may change after creating it. */
export const studySettingsInput = z.object({ openCoding: z.boolean() }).strict();

// The shared id rule: an id past PostgreSQL's integer range is a 400, not a failed query (500).
export const studyIdParam = idParam;

export const memberInput = z.object({ userId: z.string().min(1), role: z.enum(studyRoles).default('coder') });
export const memberRemoval = z.object({ userId: z.string().min(1) });

export type StudySummary = {
  id: number;
  name: string;
  description: string;
  createdAt: Date;
  members: number;
  /** The caller's role in it: their membership, or admin for admins who are not members. */
  myRole: StudyRole | 'admin';
};

export type Member = { userId: string; name: string; email: string; role: StudyRole; accountRole: string; addedAt: Date };
export type StudyDetail = Omit<StudySummary, 'members'> & { createdBy: string; members: Member[]; openCoding: boolean };
