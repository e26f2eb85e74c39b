-- Notebooks and import failures keep their file name relative to what was imported, never a local
-- absolute path. Rows imported before this kept the absolute path; the importer's root is not stored,
-- so: inside a zip, the path from the zip's own name on ("bundle.zip/inner/a.ipynb"); otherwise the
-- base name ("a.ipynb", plus " (reproduced)" where it was). Uploads lose their "upload/" prefix.
UPDATE "notebooks" SET "file_name" = CASE
  WHEN "file_name" ~* '\.zip/' THEN regexp_replace("file_name", '^.*?([^/]+\.zip/)', '\1', 'i')
  ELSE regexp_replace("file_name", '^.*/', '')
END WHERE "file_name" ~ '^/' OR "file_name" ~ '^upload/';
--> statement-breakpoint
UPDATE "import_failures" SET "file_name" = CASE
  WHEN "file_name" ~* '\.zip/' THEN regexp_replace("file_name", '^.*?([^/]+\.zip/)', '\1', 'i')
  ELSE regexp_replace("file_name", '^.*/', '')
END WHERE "file_name" ~ '^/' OR "file_name" ~ '^upload/';
--> statement-breakpoint
-- Titles: the Kaggle title where there is one, else the file name unless it is a generic one
-- (lib/ingest/notebook-title.ts; for those the earlier heading-based title stays), entities decoded.
UPDATE "notebooks" n SET "title" = k."title" FROM "kaggle_kernels" k WHERE k."notebook_id" = n."id" AND coalesce(k."title", '') <> '';
--> statement-breakpoint
UPDATE "notebooks" n SET "title" = regexp_replace(regexp_replace("file_name", '^.*/', ''), '\.ipynb$', '', 'i')
WHERE NOT EXISTS (SELECT 1 FROM "kaggle_kernels" k WHERE k."notebook_id" = n."id" AND coalesce(k."title", '') <> '')
  AND regexp_replace(regexp_replace("file_name", '^.*/', ''), '\.ipynb$', '', 'i')
    !~* '^(untitled[\s_-]*\d*|notebook[\s_-]*\d*|kernel[\s_-]*\w{0,12}|__notebook__|__results__|main|script|index|solution|submission|copy of .*|[0-9a-f-]{16,}|\d+)$';
--> statement-breakpoint
UPDATE "notebooks" SET "title" = replace(replace(replace(replace(replace("title", '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
WHERE "title" ~ '&(amp|lt|gt|quot|#39);';
