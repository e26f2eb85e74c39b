/**
 * THE blind rule, the only place it is decided. Others' codings of an item are hidden when the
 * sample is blind and two or more coders code the item, until every assigned coder has submitted it
 * (a skip is not a submission). Supervisors and admins of the study always see them — unless they
 * are themselves one of the item's coders, because then they are coding blind like anyone else.
 * `assignments` are all of the item's assignments (every coder's). The API sends others' codings
 * only when this says yes.
 */
export function canSeeOthersCodings(
  viewer: { userId: string; studyRole: 'admin' | 'supervisor' | 'coder' },
  item: { blind: boolean; assignments: Array<{ userId: string; status: string }> },
): boolean {
  if (!item.blind) return true;
  const all = item.assignments;
  const codesIt = all.some((a) => a.userId === viewer.userId);
  if (viewer.studyRole !== 'coder' && !codesIt) return true;
  if (all.length < 2) return true;
  return all.every((a) => a.status === 'submitted');
}
