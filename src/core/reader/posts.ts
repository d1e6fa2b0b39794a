/**
 * Positions → canonical title ids and categories. "Bí thư Chi bộ kiêm Trưởng thôn" is one
 * person holding two posts.
 */
import { comparisonKey } from "../text/keys";
import { CONCURRENT_POST_SEPARATOR, TITLES, type StaffCategory, type TitleDefinition } from "./titles";

export interface Post {
  /** The post as written (decoded, spaces normalized). */
  text: string;
  titleId?: string;
  category?: StaffCategory;
  deputy?: boolean;
}

interface Variant {
  key: string;
  title: TitleDefinition;
}

/** Variants as comparison keys, longest first, so the most specific spelling wins. */
const VARIANTS: Variant[] = TITLES.flatMap((t) => t.variants.map((v) => ({ key: comparisonKey(v), title: t }))).sort((a, b) => b.key.length - a.key.length);

/** The title a post names ("Phó Chủ tịch UBND xã" → committeeViceChair), if any. */
export function matchTitle(text: string): TitleDefinition | undefined {
  const k = comparisonKey(text).replace(/\s*-\s*/g, " - ").replace(/^(?:đ\/c|ông|bà)\s+/, "");
  for (const v of VARIANTS) {
    if (k === v.key || k.startsWith(v.key + " ") || k.startsWith(v.key + ",") || k.startsWith(v.key + "(")) return v.title;
  }
  // Without spaces around hyphens ("Văn phòng-thống kê").
  const compact = k.replace(/\s*-\s*/g, "-");
  for (const v of VARIANTS) {
    const vc = v.key.replace(/\s*-\s*/g, "-");
    if (compact === vc || compact.startsWith(vc + " ")) return v.title;
  }
  return undefined;
}

/**
 * Split a position cell into posts and match each to a title.
 * @example parsePosts("Bí thư Chi bộ kiêm Trưởng thôn").map(p => p.titleId) // ["villagePartySecretary", "villageHead"]
 */
export function parsePosts(text: string): Post[] {
  const t = text.trim();
  if (t === "") return [];
  const parts = t.split(CONCURRENT_POST_SEPARATOR).map((p) => p.trim()).filter((p) => p !== "");
  return parts.map((p) => {
    const title = matchTitle(p);
    const post: Post = { text: p };
    if (title) {
      post.titleId = title.id;
      post.category = title.category;
      if (title.deputy) post.deputy = true;
    }
    return post;
  });
}
