ALTER TABLE "cells" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (case cell_type
  when 'markdown' then to_tsvector('english'::regconfig, left(source, 100000))
  when 'code' then to_tsvector('simple'::regconfig, left(source, 100000)) || to_tsvector('simple'::regconfig, translate(left(source, 100000), '.', ' '))
  else ''::tsvector end) STORED;--> statement-breakpoint
CREATE INDEX "cells_search_idx" ON "cells" USING gin ("search");