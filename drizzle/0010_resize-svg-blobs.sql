-- SVG sizes were read by a hand-written parser that took width="100%" as 100 px and "6in" as 6 px;
-- region coordinates in exports are computed from them. Forget the stored SVG sizes and derivatives:
-- the background derivative pass (computeDerivatives, run by `npm start`, the worker and `vizmine import`)
-- reads them again with image-size (the viewBox for a percentage, units at 96 px per inch).
UPDATE "blobs" SET "width" = NULL, "height" = NULL, "thumbnail_at" = NULL WHERE "mime" = 'image/svg+xml';
