-- dHash version 2 (lib/extract/dhash.ts DHASH_VERSION): the 9×9 shrink is a box average in JavaScript
-- instead of a sharp resize, so stored hashes of version 1 cannot be compared with new ones. Forget them
-- and the groups built from them: the background derivative pass (computeDerivatives, run by the
-- `derivatives` job and `vizmine import`) hashes every image again. Thumbnails already stored are kept
-- (a put of an existing key is a no-op) and served meanwhile.
UPDATE "blobs" SET "thumbnail_at" = NULL, "dhash" = NULL, "dhash_v" = NULL, "dup_group" = NULL WHERE "thumbnail_at" IS NOT NULL;
