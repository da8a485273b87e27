// `npm run indexes`: the collections and indexes to create in the CloudBase console —
// the same list the local SQLite store creates.
import { COLLECTIONS } from '../server/store/collections';
import { INDEXES } from '../server/store/indexes';

console.log('集合（权限：仅管理端可读写）：');
for (const c of COLLECTIONS) console.log(`  ${c}`);
console.log('\n索引：');
for (const idx of INDEXES) {
  const fields = idx.fields.map(([f, d]) => `${f} ${d === 1 ? '升序' : '降序'}`).join(', ');
  console.log(`  ${idx.collection}.${idx.name}${idx.unique ? '（唯一）' : ''}: ${fields}`);
}
