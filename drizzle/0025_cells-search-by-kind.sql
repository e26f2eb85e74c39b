-- Full-text search: one GIN index per kind of cell instead of one over all (lib/db/schema/notebooks.ts, docs/scale.md).
DROP INDEX IF EXISTS "cells_search_idx";--> statement-breakpoint
CREATE INDEX "cells_search_markdown_idx" ON "cells" USING gin ("search") WHERE "cells"."cell_type" = 'markdown';--> statement-breakpoint
CREATE INDEX "cells_search_code_idx" ON "cells" USING gin ("search") WHERE "cells"."cell_type" = 'code';