// The model shape at a JSON path: which structure member, list item or map value a place in the file is.
// Completion, hover and quick fixes ask this instead of keeping their own idea of the request's layout.
import { ShapeMember, ROOT_SHAPE, Shape, ShapeName, shapes } from '../generated/model';

export interface ShapeAtPath {
  readonly shapeName: ShapeName;
  readonly shape: Shape;
  /** the structure whose member holds this value; list items and map values keep their list's or map's member */
  readonly owner?: ShapeName;
  readonly member?: string;
  readonly memberInfo?: ShapeMember;
  /** the key, when the path ends at a map value (e.g. a TaskProperties key) */
  readonly mapKey?: string;
}

const ROOT: ShapeAtPath = { shapeName: ROOT_SHAPE, shape: shapes[ROOT_SHAPE] };

/** The shape at `path` from the request root; undefined where the model has nothing (an unknown key, a wrong type). */
export function shapeAt(path: readonly (string | number)[]): ShapeAtPath | undefined {
  let at: ShapeAtPath = ROOT;
  for (const seg of path) {
    const { shape } = at;
    if (shape.type === 'structure' && typeof seg === 'string') {
      const m = shape.members?.[seg];
      if (!m) return undefined;
      at = { shapeName: m.target, shape: shapes[m.target], owner: at.shapeName, member: seg, memberInfo: m };
    } else if (shape.type === 'list' && typeof seg === 'number') {
      at = { ...at, shapeName: shape.member!, shape: shapes[shape.member!], mapKey: undefined };
    } else if (shape.type === 'map' && typeof seg === 'string') {
      at = { ...at, shapeName: shape.value!, shape: shapes[shape.value!], mapKey: seg };
    } else {
      return undefined;
    }
  }
  return at;
}
