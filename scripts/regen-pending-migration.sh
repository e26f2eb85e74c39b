#!/usr/bin/env bash
# Coding branch only: regenerate the one pending migration (drizzle/0004_coding) from the schema.
# Merged into main it becomes an ordinary landed migration and this script goes.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/vizmine-coding-regen.lock; flock 9
rm -f drizzle/0004_*.sql drizzle/meta/0004_snapshot.json
node -e '
const fs=require("fs");const p="drizzle/meta/_journal.json";const j=JSON.parse(fs.readFileSync(p));
j.entries=j.entries.filter(e=>e.idx<4);fs.writeFileSync(p,JSON.stringify(j,null,2)+"\n");'
npx drizzle-kit generate --name coding
