import { createRequire as __pwCreateRequire } from 'node:module';
const require = __pwCreateRequire(import.meta.url);
import {
  GRAMMAR_FILES,
  GRAMMAR_FOR,
  TWIG,
  VERSION,
  external_exports,
  grammarsDir,
  missingGrammars,
  readsFile
} from "./chunk-6BCNDRYI.js";
import {
  require_dist
} from "./chunk-4MSZKZUA.js";
import {
  __toESM
} from "./chunk-TOP57FAE.js";

// ../sast/dist/chunk-PLLPHJNU.js
import { posix } from "path";
import { posix as posix2 } from "path";
import { posix as posix3 } from "path";
var import_yaml = __toESM(require_dist(), 1);
import { readdir, readFile } from "fs/promises";
import { join } from "path";
import { readFileSync, statSync } from "fs";
import { readFile as readFile3, stat } from "fs/promises";
import { join as join3 } from "path";
import { existsSync } from "fs";
import { readFile as readFile2 } from "fs/promises";
import { join as join2 } from "path";

// ../../node_modules/.pnpm/web-tree-sitter@0.27.2/node_modules/web-tree-sitter/web-tree-sitter.js
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var Edit = class {
  static {
    __name(this, "Edit");
  }
  /** The start position of the change. */
  startPosition;
  /** The end position of the change before the edit. */
  oldEndPosition;
  /** The end position of the change after the edit. */
  newEndPosition;
  /** The start index of the change. */
  startIndex;
  /** The end index of the change before the edit. */
  oldEndIndex;
  /** The end index of the change after the edit. */
  newEndIndex;
  constructor({
    startIndex,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition,
    newEndPosition
  }) {
    this.startIndex = startIndex >>> 0;
    this.oldEndIndex = oldEndIndex >>> 0;
    this.newEndIndex = newEndIndex >>> 0;
    this.startPosition = startPosition;
    this.oldEndPosition = oldEndPosition;
    this.newEndPosition = newEndPosition;
  }
  /**
   * Edit a point and index to keep it in-sync with source code that has been edited.
   *
   * This function updates a single point's byte offset and row/column position
   * based on an edit operation. This is useful for editing points without
   * requiring a tree or node instance.
   */
  editPoint(point, index) {
    let newIndex = index;
    const newPoint = { ...point };
    if (index >= this.oldEndIndex) {
      newIndex = this.newEndIndex + (index - this.oldEndIndex);
      const originalRow = point.row;
      newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
      newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
    } else if (index > this.startIndex) {
      newIndex = this.newEndIndex;
      newPoint.row = this.newEndPosition.row;
      newPoint.column = this.newEndPosition.column;
    }
    return { point: newPoint, index: newIndex };
  }
  /**
   * Edit a range to keep it in-sync with source code that has been edited.
   *
   * This function updates a range's start and end positions based on an edit
   * operation. This is useful for editing ranges without requiring a tree
   * or node instance.
   */
  editRange(range) {
    const newRange = {
      startIndex: range.startIndex,
      startPosition: { ...range.startPosition },
      endIndex: range.endIndex,
      endPosition: { ...range.endPosition }
    };
    if (range.endIndex >= this.oldEndIndex) {
      if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
        newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
        newRange.endPosition = {
          row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
          column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
        };
        if (newRange.endIndex < this.newEndIndex) {
          newRange.endIndex = Number.MAX_SAFE_INTEGER;
          newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
        }
      }
    } else if (range.endIndex > this.startIndex) {
      newRange.endIndex = this.startIndex;
      newRange.endPosition = { ...this.startPosition };
    }
    if (range.startIndex >= this.oldEndIndex) {
      newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
      newRange.startPosition = {
        row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
        column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
      };
      if (newRange.startIndex < this.newEndIndex) {
        newRange.startIndex = Number.MAX_SAFE_INTEGER;
        newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
      }
    } else if (range.startIndex > this.startIndex) {
      newRange.startIndex = this.startIndex;
      newRange.startPosition = { ...this.startPosition };
    }
    return newRange;
  }
};
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
function newFinalizer(handler) {
  try {
    return new FinalizationRegistry(handler);
  } catch (e) {
    console.error("Unsupported FinalizationRegistry:", e);
    return;
  }
}
__name(newFinalizer, "newFinalizer");
var finalizer = newFinalizer((address) => {
  C._ts_lookahead_iterator_delete(address);
});
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  language;
  /** @internal */
  positioned = false;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    finalizer?.register(this, address, this);
  }
  /**
   * Get the current symbol of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol:
   *
   * - Before the first iteration step
   * - After the iterator is exhausted
   * - After a {@link reset} or {@link resetState} call
   */
  get currentTypeId() {
    return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
  }
  /**
   * Get the current symbol name of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol.
   */
  get currentType() {
    const id = this.currentTypeId;
    if (id === null) return null;
    return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    finalizer?.unregister(this);
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      this.positioned = false;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
    this.positioned = false;
    return true;
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
        const value = this.currentType;
        return value === null ? { done: true, value: "" } : { done: false, value };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string2 = tree.textCallback(startIndex, startPosition);
      if (string2 && string2.length > 0) {
        startIndex += string2.length;
        result += string2;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var finalizer2 = newFinalizer((address) => {
  C._ts_tree_delete(address);
});
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
    finalizer2?.register(this, address, this);
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    finalizer2?.unregister(this);
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var finalizer3 = newFinalizer((handles) => {
  marshalTreeCursor({ handles });
  C._ts_tree_cursor_delete_wasm(0);
});
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  handles = [0, 0, 0, 0];
  // Internal handles for Wasm, shared with the finalizer.
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
    finalizer3?.register(this, this.handles, this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    return new _TreeCursor(INTERNAL, this.tree);
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    finalizer3?.unregister(this);
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this.handles.fill(0);
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given position.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(node.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = node.tree;
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = cursor.tree;
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    if (types.includes("ERROR")) {
      symbols.push(65535);
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
    this.startPosition = point;
    this.startIndex = index;
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor({ handles }, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, handles[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, handles[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, handles[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, handles[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor({ handles }) {
  handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata_wasm(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name23 = C._ts_language_symbol_name(this[0], typeId);
    return name23 ? C.UTF8ToString(name23) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. A newly created iterator is not positioned on a symbol, so
   * {@link LookaheadIterator#currentType} returns `null` until the first
   * iteration step.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file, a `URL` to a file, or as a
   * buffer.
   */
  static async load(input2) {
    let binary23;
    if (input2 instanceof Uint8Array) {
      binary23 = input2;
    } else if (globalThis.process?.versions.node) {
      const fs2 = await import("fs/promises");
      binary23 = await fs2.readFile(input2);
    } else {
      const response = await fetch(input2);
      if (!response.ok) {
        const body23 = await response.text();
        throw new Error(`Language.load failed with status ${response.status}.

${body23}`);
      }
      const retryResp = response.clone();
      try {
        binary23 = await WebAssembly.compileStreaming(response);
      } catch (reason) {
        console.error("wasm streaming compile failed:", reason);
        console.error("falling back to ArrayBuffer instantiation");
        binary23 = new Uint8Array(await retryResp.arrayBuffer());
      }
    }
    const mod = await C.loadWebAssemblyModule(binary23, { loadAsync: true });
    return _Language.loadFromWasmExports(mod, { sync: false });
  }
  static loadFromWasmExports(mod, { sync }) {
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
  /**
   * Load a language synchronously from a pre-compiled WebAssembly module.
   * Use this when the host environment provides a `WebAssembly.Module` directly.
   */
  static loadSync(wasmModule) {
    const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
    return _Language.loadFromWasmExports(mod, { sync: true });
  }
};
async function Module2(moduleArg = {}) {
  var moduleRtn;
  var Module = moduleArg;
  var ENVIRONMENT_IS_WEB = typeof window == "object";
  var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
  var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
  if (ENVIRONMENT_IS_NODE) {
    const { createRequire } = await import("module");
    var require = createRequire(import.meta.url);
  }
  Module.currentQueryProgressCallback = null;
  Module.currentProgressCallback = null;
  Module.currentLogCallback = null;
  Module.currentParseCallback = null;
  var arguments_ = [];
  var thisProgram = "./this.program";
  var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
    throw toThrow;
  }, "quit_");
  var _scriptName = import.meta.url;
  var scriptDirectory = "";
  function locateFile(path) {
    if (Module["locateFile"]) {
      return Module["locateFile"](path, scriptDirectory);
    }
    return scriptDirectory + path;
  }
  __name(locateFile, "locateFile");
  var readAsync, readBinary;
  if (ENVIRONMENT_IS_NODE) {
    var fs = require("fs");
    if (_scriptName.startsWith("file:")) {
      scriptDirectory = require("path").dirname(require("url").fileURLToPath(_scriptName)) + "/";
    }
    readBinary = /* @__PURE__ */ __name((filename) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename);
      return ret;
    }, "readBinary");
    readAsync = /* @__PURE__ */ __name(async (filename, binary23 = true) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename, binary23 ? void 0 : "utf8");
      return ret;
    }, "readAsync");
    if (process.argv.length > 1) {
      thisProgram = process.argv[1].replace(/\\/g, "/");
    }
    arguments_ = process.argv.slice(2);
    quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      process.exitCode = status;
      throw toThrow;
    }, "quit_");
  } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
    try {
      scriptDirectory = new URL(".", _scriptName).href;
    } catch {
    }
    {
      if (ENVIRONMENT_IS_WORKER) {
        readBinary = /* @__PURE__ */ __name((url) => {
          var xhr = new XMLHttpRequest();
          xhr.open("GET", url, false);
          xhr.responseType = "arraybuffer";
          xhr.send(null);
          return new Uint8Array(
            /** @type{!ArrayBuffer} */
            xhr.response
          );
        }, "readBinary");
      }
      readAsync = /* @__PURE__ */ __name(async (url) => {
        if (isFileURI(url)) {
          return new Promise((resolve2, reject) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, true);
            xhr.responseType = "arraybuffer";
            xhr.onload = () => {
              if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                resolve2(xhr.response);
                return;
              }
              reject(xhr.status);
            };
            xhr.onerror = reject;
            xhr.send(null);
          });
        }
        var response = await fetch(url, {
          credentials: "same-origin"
        });
        if (response.ok) {
          return response.arrayBuffer();
        }
        throw new Error(response.status + " : " + response.url);
      }, "readAsync");
    }
  } else {
  }
  var out = console.log.bind(console);
  var err = console.error.bind(console);
  var dynamicLibraries = [];
  var wasmBinary;
  var ABORT = false;
  var EXITSTATUS;
  var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
  var readyPromiseResolve, readyPromiseReject;
  var wasmMemory;
  var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
  var HEAP64, HEAPU64;
  var HEAP_DATA_VIEW;
  var runtimeInitialized = false;
  function updateMemoryViews() {
    var b = wasmMemory.buffer;
    Module["HEAP8"] = HEAP8 = new Int8Array(b);
    Module["HEAP16"] = HEAP16 = new Int16Array(b);
    Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
    Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
    Module["HEAP32"] = HEAP32 = new Int32Array(b);
    Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
    Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
    Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
    Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
    Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
    LE_HEAP_UPDATE();
  }
  __name(updateMemoryViews, "updateMemoryViews");
  function initMemory() {
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
  }
  __name(initMemory, "initMemory");
  var __RELOC_FUNCS__ = [];
  function preRun() {
    if (Module["preRun"]) {
      if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
      while (Module["preRun"].length) {
        addOnPreRun(Module["preRun"].shift());
      }
    }
    callRuntimeCallbacks(onPreRuns);
  }
  __name(preRun, "preRun");
  function initRuntime() {
    runtimeInitialized = true;
    callRuntimeCallbacks(__RELOC_FUNCS__);
    wasmExports["__wasm_call_ctors"]();
    callRuntimeCallbacks(onPostCtors);
  }
  __name(initRuntime, "initRuntime");
  function preMain() {
  }
  __name(preMain, "preMain");
  function postRun() {
    if (Module["postRun"]) {
      if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
      while (Module["postRun"].length) {
        addOnPostRun(Module["postRun"].shift());
      }
    }
    callRuntimeCallbacks(onPostRuns);
  }
  __name(postRun, "postRun");
  function abort(what) {
    Module["onAbort"]?.(what);
    what = "Aborted(" + what + ")";
    err(what);
    ABORT = true;
    what += ". Build with -sASSERTIONS for more info.";
    var e = new WebAssembly.RuntimeError(what);
    readyPromiseReject?.(e);
    throw e;
  }
  __name(abort, "abort");
  var wasmBinaryFile;
  function findWasmBinary() {
    if (Module["locateFile"]) {
      return locateFile("web-tree-sitter.wasm");
    }
    return new URL("web-tree-sitter.wasm", import.meta.url).href;
  }
  __name(findWasmBinary, "findWasmBinary");
  function getBinarySync(file) {
    if (file == wasmBinaryFile && wasmBinary) {
      return new Uint8Array(wasmBinary);
    }
    if (readBinary) {
      return readBinary(file);
    }
    throw "both async and sync fetching of the wasm failed";
  }
  __name(getBinarySync, "getBinarySync");
  async function getWasmBinary(binaryFile) {
    if (!wasmBinary) {
      try {
        var response = await readAsync(binaryFile);
        return new Uint8Array(response);
      } catch {
      }
    }
    return getBinarySync(binaryFile);
  }
  __name(getWasmBinary, "getWasmBinary");
  async function instantiateArrayBuffer(binaryFile, imports) {
    try {
      var binary23 = await getWasmBinary(binaryFile);
      var instance2 = await WebAssembly.instantiate(binary23, imports);
      return instance2;
    } catch (reason) {
      err(`failed to asynchronously prepare wasm: ${reason}`);
      abort(reason);
    }
  }
  __name(instantiateArrayBuffer, "instantiateArrayBuffer");
  async function instantiateAsync(binary23, binaryFile, imports) {
    if (!binary23 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
      try {
        var response = fetch(binaryFile, {
          credentials: "same-origin"
        });
        var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
        return instantiationResult;
      } catch (reason) {
        err(`wasm streaming compile failed: ${reason}`);
        err("falling back to ArrayBuffer instantiation");
      }
    }
    return instantiateArrayBuffer(binaryFile, imports);
  }
  __name(instantiateAsync, "instantiateAsync");
  function getWasmImports() {
    return {
      "env": wasmImports,
      "wasi_snapshot_preview1": wasmImports,
      "GOT.mem": new Proxy(wasmImports, GOTHandler),
      "GOT.func": new Proxy(wasmImports, GOTHandler)
    };
  }
  __name(getWasmImports, "getWasmImports");
  async function createWasm() {
    function receiveInstance(instance2, module2) {
      wasmExports = instance2.exports;
      wasmExports = relocateExports(wasmExports, 1024);
      var metadata2 = getDylinkMetadata(module2);
      if (metadata2.neededDynlibs) {
        dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
      }
      mergeLibSymbols(wasmExports, "main");
      LDSO.init();
      loadDylibs();
      __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
      assignWasmExports(wasmExports);
      return wasmExports;
    }
    __name(receiveInstance, "receiveInstance");
    function receiveInstantiationResult(result2) {
      return receiveInstance(result2["instance"], result2["module"]);
    }
    __name(receiveInstantiationResult, "receiveInstantiationResult");
    var info2 = getWasmImports();
    if (Module["instantiateWasm"]) {
      return new Promise((resolve2, reject) => {
        Module["instantiateWasm"](info2, (mod, inst) => {
          resolve2(receiveInstance(mod, inst));
        });
      });
    }
    wasmBinaryFile ??= findWasmBinary();
    var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
    var exports = receiveInstantiationResult(result);
    return exports;
  }
  __name(createWasm, "createWasm");
  class ExitStatus {
    static {
      __name(this, "ExitStatus");
    }
    name = "ExitStatus";
    constructor(status) {
      this.message = `Program terminated with exit(${status})`;
      this.status = status;
    }
  }
  var GOT = {};
  var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
  var GOTHandler = {
    get(obj, symName) {
      var rtn = GOT[symName];
      if (!rtn) {
        rtn = GOT[symName] = new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
      }
      if (!currentModuleWeakSymbols.has(symName)) {
        rtn.required = true;
      }
      return rtn;
    }
  };
  var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
  var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
  var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
  var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
  var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
  var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
  var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
  var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
  var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
  var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
  var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
  var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
  var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
  var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks2) => {
    while (callbacks2.length > 0) {
      callbacks2.shift()(Module);
    }
  }, "callRuntimeCallbacks");
  var onPostRuns = [];
  var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
  var onPreRuns = [];
  var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
  var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
  var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
    var maxIdx = idx + maxBytesToRead;
    if (ignoreNul) return maxIdx;
    while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
    return idx;
  }, "findStringEnd");
  var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
    var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
    if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
      return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
    }
    var str = "";
    while (idx < endPtr) {
      var u0 = heapOrArray[idx++];
      if (!(u0 & 128)) {
        str += String.fromCharCode(u0);
        continue;
      }
      var u1 = heapOrArray[idx++] & 63;
      if ((u0 & 224) == 192) {
        str += String.fromCharCode((u0 & 31) << 6 | u1);
        continue;
      }
      var u2 = heapOrArray[idx++] & 63;
      if ((u0 & 240) == 224) {
        u0 = (u0 & 15) << 12 | u1 << 6 | u2;
      } else {
        u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
      }
      if (u0 < 65536) {
        str += String.fromCharCode(u0);
      } else {
        var ch = u0 - 65536;
        str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
      }
    }
    return str;
  }, "UTF8ArrayToString");
  var getDylinkMetadata = /* @__PURE__ */ __name((binary23) => {
    var offset = 0;
    var end = 0;
    function getU8() {
      return binary23[offset++];
    }
    __name(getU8, "getU8");
    function getLEB() {
      var ret = 0;
      var mul = 1;
      while (1) {
        var byte = binary23[offset++];
        ret += (byte & 127) * mul;
        mul *= 128;
        if (!(byte & 128)) break;
      }
      return ret;
    }
    __name(getLEB, "getLEB");
    function getString() {
      var len = getLEB();
      offset += len;
      return UTF8ArrayToString(binary23, offset - len, len);
    }
    __name(getString, "getString");
    function getStringList() {
      var count2 = getLEB();
      var rtn = [];
      while (count2--) rtn.push(getString());
      return rtn;
    }
    __name(getStringList, "getStringList");
    function failIf(condition2, message) {
      if (condition2) throw new Error(message);
    }
    __name(failIf, "failIf");
    if (binary23 instanceof WebAssembly.Module) {
      var dylinkSection = WebAssembly.Module.customSections(binary23, "dylink.0");
      failIf(dylinkSection.length === 0, "need dylink section");
      binary23 = new Uint8Array(dylinkSection[0]);
      end = binary23.length;
    } else {
      var int32View = new Uint32Array(new Uint8Array(binary23.subarray(0, 24)).buffer);
      var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
      failIf(!magicNumberFound, "need to see wasm magic number");
      failIf(binary23[8] !== 0, "need the dylink section to be first");
      offset = 9;
      var section_size = getLEB();
      end = offset + section_size;
      var name23 = getString();
      failIf(name23 !== "dylink.0");
    }
    var customSection = {
      neededDynlibs: [],
      tlsExports: /* @__PURE__ */ new Set(),
      weakImports: /* @__PURE__ */ new Set(),
      runtimePaths: []
    };
    var WASM_DYLINK_MEM_INFO = 1;
    var WASM_DYLINK_NEEDED = 2;
    var WASM_DYLINK_EXPORT_INFO = 3;
    var WASM_DYLINK_IMPORT_INFO = 4;
    var WASM_DYLINK_RUNTIME_PATH = 5;
    var WASM_SYMBOL_TLS = 256;
    var WASM_SYMBOL_BINDING_MASK = 3;
    var WASM_SYMBOL_BINDING_WEAK = 1;
    while (offset < end) {
      var subsectionType = getU8();
      var subsectionSize = getLEB();
      if (subsectionType === WASM_DYLINK_MEM_INFO) {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
      } else if (subsectionType === WASM_DYLINK_NEEDED) {
        customSection.neededDynlibs = getStringList();
      } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var symname = getString();
          var flags2 = getLEB();
          if (flags2 & WASM_SYMBOL_TLS) {
            customSection.tlsExports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var modname = getString();
          var symname = getString();
          var flags2 = getLEB();
          if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
            customSection.weakImports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
        customSection.runtimePaths = getStringList();
      } else {
        offset += subsectionSize;
      }
    }
    return customSection;
  }, "getDylinkMetadata");
  function getValue(ptr, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        return HEAP8[ptr];
      case "i8":
        return HEAP8[ptr];
      case "i16":
        return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
      case "i32":
        return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
      case "i64":
        return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
      case "float":
        return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
      case "double":
        return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
      case "*":
        return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
      default:
        abort(`invalid type for getValue: ${type}`);
    }
  }
  __name(getValue, "getValue");
  var newDSO = /* @__PURE__ */ __name((name23, handle2, syms) => {
    var dso = {
      refcount: Infinity,
      name: name23,
      exports: syms,
      global: true
    };
    LDSO.loadedLibsByName[name23] = dso;
    if (handle2 != void 0) {
      LDSO.loadedLibsByHandle[handle2] = dso;
    }
    return dso;
  }, "newDSO");
  var LDSO = {
    loadedLibsByName: {},
    loadedLibsByHandle: {},
    init() {
      newDSO("__main__", 0, wasmImports);
    }
  };
  var ___heap_base = 82240;
  var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
  var getMemory = /* @__PURE__ */ __name((size) => {
    if (runtimeInitialized) {
      return _calloc(size, 1);
    }
    var ret = ___heap_base;
    var end = ret + alignMemory(size, 16);
    ___heap_base = end;
    GOT["__heap_base"].value = end;
    return ret;
  }, "getMemory");
  var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
  var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
    const n = arr.length;
    return [n % 128 | 128, n >> 7, ...arr];
  }, "uleb128EncodeWithLen");
  var wasmTypeCodes = {
    "i": 127,
    // i32
    "p": 127,
    // i32
    "j": 126,
    // i64
    "f": 125,
    // f32
    "d": 124,
    // f64
    "e": 111
  };
  var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
    var code = wasmTypeCodes[type];
    return code;
  })), "generateTypePack");
  var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
    var bytes = Uint8Array.of(
      0,
      97,
      115,
      109,
      // magic ("\0asm")
      1,
      0,
      0,
      0,
      // version: 1
      1,
      ...uleb128EncodeWithLen([
        1,
        // count: 1
        96,
        // param types
        ...generateTypePack(sig.slice(1)),
        // return types (for now only supporting [] if `void` and single [T] otherwise)
        ...generateTypePack(sig[0] === "v" ? "" : sig[0])
      ]),
      // The rest of the module is static
      2,
      7,
      // import section
      // (import "e" "f" (func 0 (type 0)))
      1,
      1,
      101,
      1,
      102,
      0,
      0,
      7,
      5,
      // export section
      // (export "f" (func 0 (type 0)))
      1,
      1,
      102,
      0,
      0
    );
    var module2 = new WebAssembly.Module(bytes);
    var instance2 = new WebAssembly.Instance(module2, {
      "e": {
        "f": func2
      }
    });
    var wrappedFunc = instance2.exports["f"];
    return wrappedFunc;
  }, "convertJsFunctionToWasm");
  var wasmTableMirror = [];
  var wasmTable = new WebAssembly.Table({
    "initial": 31,
    "element": "anyfunc"
  });
  var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
    var func2 = wasmTableMirror[funcPtr];
    if (!func2) {
      wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
    }
    return func2;
  }, "getWasmTableEntry");
  var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
    if (functionsInTableMap) {
      for (var i2 = offset; i2 < offset + count; i2++) {
        var item = getWasmTableEntry(i2);
        if (item) {
          functionsInTableMap.set(item, i2);
        }
      }
    }
  }, "updateTableMap");
  var functionsInTableMap;
  var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
    if (!functionsInTableMap) {
      functionsInTableMap = /* @__PURE__ */ new WeakMap();
      updateTableMap(0, wasmTable.length);
    }
    return functionsInTableMap.get(func2) || 0;
  }, "getFunctionAddress");
  var freeTableIndexes = [];
  var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
    if (freeTableIndexes.length) {
      return freeTableIndexes.pop();
    }
    return wasmTable["grow"](1);
  }, "getEmptyTableSlot");
  var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
    wasmTable.set(idx, func2);
    wasmTableMirror[idx] = wasmTable.get(idx);
  }, "setWasmTableEntry");
  var addFunction = /* @__PURE__ */ __name((func2, sig) => {
    var rtn = getFunctionAddress(func2);
    if (rtn) {
      return rtn;
    }
    var ret = getEmptyTableSlot();
    try {
      setWasmTableEntry(ret, func2);
    } catch (err2) {
      if (!(err2 instanceof TypeError)) {
        throw err2;
      }
      var wrapped = convertJsFunctionToWasm(func2, sig);
      setWasmTableEntry(ret, wrapped);
    }
    functionsInTableMap.set(func2, ret);
    return ret;
  }, "addFunction");
  var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
    for (var symName in exports) {
      if (isInternalSym(symName)) {
        continue;
      }
      var value = exports[symName];
      GOT[symName] ||= new WebAssembly.Global({
        "value": "i32",
        "mutable": true
      });
      if (replace || GOT[symName].value == 0) {
        if (typeof value == "function") {
          GOT[symName].value = addFunction(value);
        } else if (typeof value == "number") {
          GOT[symName].value = value;
        } else {
          err(`unhandled export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "updateGOT");
  var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
    var relocated = {};
    for (var e in exports) {
      var value = exports[e];
      if (typeof value == "object") {
        value = value.value;
      }
      if (typeof value == "number") {
        value += memoryBase2;
      }
      relocated[e] = value;
    }
    updateGOT(relocated, replace);
    return relocated;
  }, "relocateExports");
  var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
    var existing = wasmImports[symName];
    if (!existing || existing.stub) {
      return false;
    }
    return true;
  }, "isSymbolDefined");
  var dynCall = /* @__PURE__ */ __name((sig, ptr, args22 = [], promising = false) => {
    var func2 = getWasmTableEntry(ptr);
    var rtn = func2(...args22);
    function convert(rtn2) {
      return rtn2;
    }
    __name(convert, "convert");
    return convert(rtn);
  }, "dynCall");
  var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
  var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
  var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args22) => {
    var sp = stackSave();
    try {
      return dynCall(sig, ptr, args22);
    } catch (e) {
      stackRestore(sp);
      if (e !== e + 0) throw e;
      _setThrew(1, 0);
      if (sig[0] == "j") return 0n;
    }
  }, "createInvokeFunction");
  var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
    var sym;
    if (isSymbolDefined(symName)) {
      sym = wasmImports[symName];
    } else if (symName.startsWith("invoke_")) {
      sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
    }
    return {
      sym,
      name: symName
    };
  }, "resolveGlobalSymbol");
  var onPostCtors = [];
  var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
  var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
  var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
    var metadata = getDylinkMetadata(binary);
    function loadModule() {
      var memAlign = Math.pow(2, metadata.memoryAlign);
      var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
      var tableBase = metadata.tableSize ? wasmTable.length : 0;
      if (handle) {
        HEAP8[handle + 8] = 1;
        LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
        LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
        LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
        LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
      }
      if (metadata.tableSize) {
        wasmTable.grow(metadata.tableSize);
      }
      var moduleExports;
      function resolveSymbol(sym) {
        var resolved = resolveGlobalSymbol(sym).sym;
        if (!resolved && localScope) {
          resolved = localScope[sym];
        }
        if (!resolved) {
          resolved = moduleExports[sym];
        }
        return resolved;
      }
      __name(resolveSymbol, "resolveSymbol");
      var proxyHandler = {
        get(stubs, prop) {
          switch (prop) {
            case "__memory_base":
              return memoryBase;
            case "__table_base":
              return tableBase;
          }
          if (prop in wasmImports && !wasmImports[prop].stub) {
            var res = wasmImports[prop];
            return res;
          }
          if (!(prop in stubs)) {
            var resolved;
            stubs[prop] = (...args22) => {
              resolved ||= resolveSymbol(prop);
              return resolved(...args22);
            };
          }
          return stubs[prop];
        }
      };
      var proxy = new Proxy({}, proxyHandler);
      currentModuleWeakSymbols = metadata.weakImports;
      var info = {
        "GOT.mem": new Proxy({}, GOTHandler),
        "GOT.func": new Proxy({}, GOTHandler),
        "env": proxy,
        "wasi_snapshot_preview1": proxy
      };
      function postInstantiation(module, instance) {
        updateTableMap(tableBase, metadata.tableSize);
        moduleExports = relocateExports(instance.exports, memoryBase);
        if (!flags.allowUndefined) {
          reportUndefinedSymbols();
        }
        function addEmAsm(addr, body) {
          var args = [];
          var arity = 0;
          for (; arity < 16; arity++) {
            if (body.indexOf("$" + arity) != -1) {
              args.push("$" + arity);
            } else {
              break;
            }
          }
          args = args.join(",");
          var func = `(${args}) => { ${body} };`;
          ASM_CONSTS[start] = eval(func);
        }
        __name(addEmAsm, "addEmAsm");
        if ("__start_em_asm" in moduleExports) {
          var start = moduleExports["__start_em_asm"];
          var stop = moduleExports["__stop_em_asm"];
          while (start < stop) {
            var jsString = UTF8ToString(start);
            addEmAsm(start, jsString);
            start = HEAPU8.indexOf(0, start) + 1;
          }
        }
        function addEmJs(name, cSig, body) {
          var jsArgs = [];
          cSig = cSig.slice(1, -1);
          if (cSig != "void") {
            cSig = cSig.split(",");
            for (var i in cSig) {
              var jsArg = cSig[i].split(" ").pop();
              jsArgs.push(jsArg.replace("*", ""));
            }
          }
          var func = `(${jsArgs}) => ${body};`;
          moduleExports[name] = eval(func);
        }
        __name(addEmJs, "addEmJs");
        for (var name in moduleExports) {
          if (name.startsWith("__em_js__")) {
            var start = moduleExports[name];
            var jsString = UTF8ToString(start);
            var parts = jsString.split("<::>");
            addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
            delete moduleExports[name];
          }
        }
        var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
        if (applyRelocs) {
          if (runtimeInitialized) {
            applyRelocs();
          } else {
            __RELOC_FUNCS__.push(applyRelocs);
          }
        }
        var init = moduleExports["__wasm_call_ctors"];
        if (init) {
          if (runtimeInitialized) {
            init();
          } else {
            addOnPostCtor(init);
          }
        }
        return moduleExports;
      }
      __name(postInstantiation, "postInstantiation");
      if (flags.loadAsync) {
        return (async () => {
          var instance2;
          if (binary instanceof WebAssembly.Module) {
            instance2 = new WebAssembly.Instance(binary, info);
          } else {
            ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
          }
          return postInstantiation(binary, instance2);
        })();
      }
      var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
      var instance = new WebAssembly.Instance(module, info);
      return postInstantiation(module, instance);
    }
    __name(loadModule, "loadModule");
    flags = {
      ...flags,
      rpath: {
        parentLibPath: libName,
        paths: metadata.runtimePaths
      }
    };
    if (flags.loadAsync) {
      return metadata.neededDynlibs.reduce((chain2, dynNeeded) => chain2.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
    }
    metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
    return loadModule();
  }, "loadWebAssemblyModule");
  var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
    for (var [sym, exp] of Object.entries(exports)) {
      const setImport = /* @__PURE__ */ __name((target) => {
        if (!isSymbolDefined(target)) {
          wasmImports[target] = exp;
        }
      }, "setImport");
      setImport(sym);
      const main_alias = "__main_argc_argv";
      if (sym == "main") {
        setImport(main_alias);
      }
      if (sym == main_alias) {
        setImport("main");
      }
    }
  }, "mergeLibSymbols");
  var asyncLoad = /* @__PURE__ */ __name(async (url) => {
    var arrayBuffer = await readAsync(url);
    return new Uint8Array(arrayBuffer);
  }, "asyncLoad");
  function loadDynamicLibrary(libName2, flags2 = {
    global: true,
    nodelete: true
  }, localScope2, handle2) {
    var dso = LDSO.loadedLibsByName[libName2];
    if (dso) {
      if (!flags2.global) {
        if (localScope2) {
          Object.assign(localScope2, dso.exports);
        }
      } else if (!dso.global) {
        dso.global = true;
        mergeLibSymbols(dso.exports, libName2);
      }
      if (flags2.nodelete && dso.refcount !== Infinity) {
        dso.refcount = Infinity;
      }
      dso.refcount++;
      if (handle2) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return flags2.loadAsync ? Promise.resolve(true) : true;
    }
    dso = newDSO(libName2, handle2, "loading");
    dso.refcount = flags2.nodelete ? Infinity : 1;
    dso.global = flags2.global;
    function loadLibData() {
      if (handle2) {
        var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
        var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
        if (data && dataSize) {
          var libData = HEAP8.slice(data, data + dataSize);
          return flags2.loadAsync ? Promise.resolve(libData) : libData;
        }
      }
      var libFile = locateFile(libName2);
      if (flags2.loadAsync) {
        return asyncLoad(libFile);
      }
      if (!readBinary) {
        throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
      }
      return readBinary(libFile);
    }
    __name(loadLibData, "loadLibData");
    function getExports() {
      if (flags2.loadAsync) {
        return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
      }
      return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
    }
    __name(getExports, "getExports");
    function moduleLoaded(exports) {
      if (dso.global) {
        mergeLibSymbols(exports, libName2);
      } else if (localScope2) {
        Object.assign(localScope2, exports);
      }
      dso.exports = exports;
    }
    __name(moduleLoaded, "moduleLoaded");
    if (flags2.loadAsync) {
      return getExports().then((exports) => {
        moduleLoaded(exports);
        return true;
      });
    }
    moduleLoaded(getExports());
    return true;
  }
  __name(loadDynamicLibrary, "loadDynamicLibrary");
  var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
    for (var [symName, entry2] of Object.entries(GOT)) {
      if (entry2.value == 0) {
        var value = resolveGlobalSymbol(symName, true).sym;
        if (!value && !entry2.required) {
          continue;
        }
        if (typeof value == "function") {
          entry2.value = addFunction(value, value.sig);
        } else if (typeof value == "number") {
          entry2.value = value;
        } else {
          throw new Error(`bad export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "reportUndefinedSymbols");
  var runDependencies = 0;
  var dependenciesFulfilled = null;
  var removeRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies--;
    Module["monitorRunDependencies"]?.(runDependencies);
    if (runDependencies == 0) {
      if (dependenciesFulfilled) {
        var callback = dependenciesFulfilled;
        dependenciesFulfilled = null;
        callback();
      }
    }
  }, "removeRunDependency");
  var addRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies++;
    Module["monitorRunDependencies"]?.(runDependencies);
  }, "addRunDependency");
  var loadDylibs = /* @__PURE__ */ __name(async () => {
    if (!dynamicLibraries.length) {
      reportUndefinedSymbols();
      return;
    }
    addRunDependency("loadDylibs");
    for (var lib of dynamicLibraries) {
      await loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      });
    }
    reportUndefinedSymbols();
    removeRunDependency("loadDylibs");
  }, "loadDylibs");
  var noExitRuntime = true;
  function setValue(ptr, value, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        HEAP8[ptr] = value;
        break;
      case "i8":
        HEAP8[ptr] = value;
        break;
      case "i16":
        LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
        break;
      case "i32":
        LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
        break;
      case "i64":
        LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
        break;
      case "float":
        LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
        break;
      case "double":
        LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
        break;
      case "*":
        LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
        break;
      default:
        abort(`invalid type for setValue: ${type}`);
    }
  }
  __name(setValue, "setValue");
  var ___memory_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1024);
  var ___stack_high = 82240;
  var ___stack_low = 16704;
  var ___stack_pointer = new WebAssembly.Global({
    "value": "i32",
    "mutable": true
  }, 82240);
  var ___table_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1);
  var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
  __abort_js.sig = "v";
  var getHeapMax = /* @__PURE__ */ __name(() => (
    // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
    // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
    // for any code that deals with heap sizes, which would require special
    // casing all heap size related code to treat 0 specially.
    2147483648
  ), "getHeapMax");
  var growMemory = /* @__PURE__ */ __name((size) => {
    var oldHeapSize = wasmMemory.buffer.byteLength;
    var pages = (size - oldHeapSize + 65535) / 65536 | 0;
    try {
      wasmMemory.grow(pages);
      updateMemoryViews();
      return 1;
    } catch (e) {
    }
  }, "growMemory");
  var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
    var oldSize = HEAPU8.length;
    requestedSize >>>= 0;
    var maxHeapSize = getHeapMax();
    if (requestedSize > maxHeapSize) {
      return false;
    }
    for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
      var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
      overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
      var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
      var replacement = growMemory(newSize);
      if (replacement) {
        return true;
      }
    }
    return false;
  }, "_emscripten_resize_heap");
  _emscripten_resize_heap.sig = "ip";
  var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
  _fd_close.sig = "ii";
  var INT53_MAX = 9007199254740992;
  var INT53_MIN = -9007199254740992;
  var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
  function _fd_seek(fd, offset, whence, newOffset) {
    offset = bigintToI53Checked(offset);
    return 70;
  }
  __name(_fd_seek, "_fd_seek");
  _fd_seek.sig = "iijip";
  var printCharBuffers = [null, [], []];
  var printChar = /* @__PURE__ */ __name((stream, curr) => {
    var buffer = printCharBuffers[stream];
    if (curr === 0 || curr === 10) {
      (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
      buffer.length = 0;
    } else {
      buffer.push(curr);
    }
  }, "printChar");
  var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
    var num = 0;
    for (var i2 = 0; i2 < iovcnt; i2++) {
      var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
      var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
      iov += 8;
      for (var j = 0; j < len; j++) {
        printChar(fd, HEAPU8[ptr + j]);
      }
      num += len;
    }
    LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
    return 0;
  }, "_fd_write");
  _fd_write.sig = "iippp";
  function _tree_sitter_log_callback(isLexMessage, messageAddress) {
    if (Module.currentLogCallback) {
      const message = UTF8ToString(messageAddress);
      Module.currentLogCallback(message, isLexMessage !== 0);
    }
  }
  __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
  function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
    const INPUT_BUFFER_SIZE = 10 * 1024;
    const string2 = Module.currentParseCallback(index, {
      row,
      column
    });
    if (typeof string2 === "string") {
      setValue(lengthAddress, string2.length, "i32");
      stringToUTF16(string2, inputBufferAddress, INPUT_BUFFER_SIZE);
    } else {
      setValue(lengthAddress, 0, "i32");
    }
  }
  __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
  function _tree_sitter_progress_callback(currentOffset, hasError) {
    if (Module.currentProgressCallback) {
      return Module.currentProgressCallback({
        currentOffset,
        hasError
      });
    }
    return false;
  }
  __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
  function _tree_sitter_query_progress_callback(currentOffset) {
    if (Module.currentQueryProgressCallback) {
      return Module.currentQueryProgressCallback({
        currentOffset
      });
    }
    return false;
  }
  __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
  var runtimeKeepaliveCounter = 0;
  var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
  var _proc_exit = /* @__PURE__ */ __name((code) => {
    EXITSTATUS = code;
    if (!keepRuntimeAlive()) {
      Module["onExit"]?.(code);
      ABORT = true;
    }
    quit_(code, new ExitStatus(code));
  }, "_proc_exit");
  _proc_exit.sig = "vi";
  var exitJS = /* @__PURE__ */ __name((status, implicit) => {
    EXITSTATUS = status;
    _proc_exit(status);
  }, "exitJS");
  var handleException = /* @__PURE__ */ __name((e) => {
    if (e instanceof ExitStatus || e == "unwind") {
      return EXITSTATUS;
    }
    quit_(1, e);
  }, "handleException");
  var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
    var len = 0;
    for (var i2 = 0; i2 < str.length; ++i2) {
      var c = str.charCodeAt(i2);
      if (c <= 127) {
        len++;
      } else if (c <= 2047) {
        len += 2;
      } else if (c >= 55296 && c <= 57343) {
        len += 4;
        ++i2;
      } else {
        len += 3;
      }
    }
    return len;
  }, "lengthBytesUTF8");
  var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
    if (!(maxBytesToWrite > 0)) return 0;
    var startIdx = outIdx;
    var endIdx = outIdx + maxBytesToWrite - 1;
    for (var i2 = 0; i2 < str.length; ++i2) {
      var u = str.codePointAt(i2);
      if (u <= 127) {
        if (outIdx >= endIdx) break;
        heap[outIdx++] = u;
      } else if (u <= 2047) {
        if (outIdx + 1 >= endIdx) break;
        heap[outIdx++] = 192 | u >> 6;
        heap[outIdx++] = 128 | u & 63;
      } else if (u <= 65535) {
        if (outIdx + 2 >= endIdx) break;
        heap[outIdx++] = 224 | u >> 12;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
      } else {
        if (outIdx + 3 >= endIdx) break;
        heap[outIdx++] = 240 | u >> 18;
        heap[outIdx++] = 128 | u >> 12 & 63;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
        i2++;
      }
    }
    heap[outIdx] = 0;
    return outIdx - startIdx;
  }, "stringToUTF8Array");
  var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
  var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
  var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
    var size = lengthBytesUTF8(str) + 1;
    var ret = stackAlloc(size);
    stringToUTF8(str, ret, size);
    return ret;
  }, "stringToUTF8OnStack");
  var AsciiToString = /* @__PURE__ */ __name((ptr) => {
    var str = "";
    while (1) {
      var ch = HEAPU8[ptr++];
      if (!ch) return str;
      str += String.fromCharCode(ch);
    }
  }, "AsciiToString");
  var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
    maxBytesToWrite ??= 2147483647;
    if (maxBytesToWrite < 2) return 0;
    maxBytesToWrite -= 2;
    var startPtr = outPtr;
    var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
    for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
      var codeUnit = str.charCodeAt(i2);
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
      outPtr += 2;
    }
    LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
    return outPtr - startPtr;
  }, "stringToUTF16");
  LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
    /* little endian */
    ((x) => x),
    ((x) => x),
    void 0,
    ((x) => x)
  ] : [
    /* big endian */
    ((x) => x),
    ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
    void 0,
    ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
  ];
  function LE_HEAP_UPDATE() {
    HEAPU16.unsigned = ((x) => x & 65535);
    HEAPU32.unsigned = ((x) => x >>> 0);
  }
  __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
  {
    initMemory();
    if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
    if (Module["print"]) out = Module["print"];
    if (Module["printErr"]) err = Module["printErr"];
    if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
    if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].shift()();
      }
    }
  }
  Module["setValue"] = setValue;
  Module["getValue"] = getValue;
  Module["UTF8ToString"] = UTF8ToString;
  Module["stringToUTF8"] = stringToUTF8;
  Module["lengthBytesUTF8"] = lengthBytesUTF8;
  Module["AsciiToString"] = AsciiToString;
  Module["stringToUTF16"] = stringToUTF16;
  Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
  Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
  var ASM_CONSTS = {};
  var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
  function assignWasmExports(wasmExports2) {
    Module["_malloc"] = _malloc = wasmExports2["malloc"];
    Module["_calloc"] = _calloc = wasmExports2["calloc"];
    Module["_realloc"] = _realloc = wasmExports2["realloc"];
    Module["_free"] = _free = wasmExports2["free"];
    Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
    Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
    Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
    Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
    Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
    Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
    Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
    Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
    Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
    Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
    Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
    Module["_strlen"] = _strlen = wasmExports2["strlen"];
    Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
    Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
    Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
    Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
    Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
    Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
    Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
    Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
    Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
    Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
    Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
    Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
    Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
    Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
    Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
    Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
    Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
    Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
    Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
    Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
    Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
    Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
    Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
    Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
    Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
    Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
    Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
    Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
    Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
    Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
    Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
    Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
    Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
    Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
    Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
    Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
    Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
    Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
    Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
    Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
    Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
    Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
    Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
    Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
    Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
    Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
    Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
    Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
    Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
    Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
    Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
    Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
    Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
    Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
    Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
    Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
    Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
    Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
    Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
    Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
    Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
    Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
    Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
    Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
    Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
    Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
    Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
    Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
    Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
    Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
    Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
    Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
    Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
    Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
    Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
    Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
    Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
    Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
    Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
    Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
    Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
    Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
    Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
    Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
    Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
    Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
    Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
    Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
    Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
    Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
    Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
    Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
    Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
    Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
    Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
    Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
    Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
    Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
    Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
    Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
    Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
    Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
    Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
    Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
    Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
    Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
    Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
    Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
    Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
    Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
    Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
    Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
    Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
    Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
    Module["_memset"] = _memset = wasmExports2["memset"];
    Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
    Module["_memmove"] = _memmove = wasmExports2["memmove"];
    Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
    Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
    Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
    Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
    Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
    Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
    Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
    Module["_memchr"] = _memchr = wasmExports2["memchr"];
    Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
    Module["_strncat"] = _strncat = wasmExports2["strncat"];
    Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
    Module["_towlower"] = _towlower = wasmExports2["towlower"];
    Module["_towupper"] = _towupper = wasmExports2["towupper"];
    _setThrew = wasmExports2["setThrew"];
    __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
    __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
    _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
    ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
  }
  __name(assignWasmExports, "assignWasmExports");
  var wasmImports = {
    /** @export */
    __heap_base: ___heap_base,
    /** @export */
    __indirect_function_table: wasmTable,
    /** @export */
    __memory_base: ___memory_base,
    /** @export */
    __stack_high: ___stack_high,
    /** @export */
    __stack_low: ___stack_low,
    /** @export */
    __stack_pointer: ___stack_pointer,
    /** @export */
    __table_base: ___table_base,
    /** @export */
    _abort_js: __abort_js,
    /** @export */
    emscripten_resize_heap: _emscripten_resize_heap,
    /** @export */
    fd_close: _fd_close,
    /** @export */
    fd_seek: _fd_seek,
    /** @export */
    fd_write: _fd_write,
    /** @export */
    memory: wasmMemory,
    /** @export */
    tree_sitter_log_callback: _tree_sitter_log_callback,
    /** @export */
    tree_sitter_parse_callback: _tree_sitter_parse_callback,
    /** @export */
    tree_sitter_progress_callback: _tree_sitter_progress_callback,
    /** @export */
    tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
  };
  function callMain(args22 = []) {
    var entryFunction = resolveGlobalSymbol("main").sym;
    if (!entryFunction) return;
    args22.unshift(thisProgram);
    var argc = args22.length;
    var argv = stackAlloc((argc + 1) * 4);
    var argv_ptr = argv;
    args22.forEach((arg) => {
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
      argv_ptr += 4;
    });
    LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
    try {
      var ret = entryFunction(argc, argv);
      exitJS(
        ret,
        /* implicit = */
        true
      );
      return ret;
    } catch (e) {
      return handleException(e);
    }
  }
  __name(callMain, "callMain");
  function run(args22 = arguments_) {
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    preRun();
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    function doRun() {
      Module["calledRun"] = true;
      if (ABORT) return;
      initRuntime();
      preMain();
      readyPromiseResolve?.(Module);
      Module["onRuntimeInitialized"]?.();
      var noInitialRun = Module["noInitialRun"] || false;
      if (!noInitialRun) callMain(args22);
      postRun();
    }
    __name(doRun, "doRun");
    if (Module["setStatus"]) {
      Module["setStatus"]("Running...");
      setTimeout(() => {
        setTimeout(() => Module["setStatus"](""), 1);
        doRun();
      }, 1);
    } else {
      doRun();
    }
  }
  __name(run, "run");
  var wasmExports;
  wasmExports = await createWasm();
  run();
  if (runtimeInitialized) {
    moduleRtn = Module;
  } else {
    moduleRtn = new Promise((resolve2, reject) => {
      readyPromiseResolve = resolve2;
      readyPromiseReject = reject;
    });
  }
  return moduleRtn;
}
__name(Module2, "Module");
var web_tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  return Module3 ??= await web_tree_sitter_default(moduleOptions);
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var finalizer4 = newFinalizer((addresses) => {
  C._ts_parser_delete(addresses[0]);
  C._free(addresses[1]);
});
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the Wasm module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
    finalizer4?.register(this, [this[0], this[1]], this);
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    finalizer4?.unregister(this);
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_abi_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a callback, 
   * then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  kind;
  info;
  index;
  length;
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue6 = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue6, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue6, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text2, positive) => {
      return positive ? regex.test(text2) : !regex.test(text2);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text2) => test(text2, isPositive)) : nodes.some((text2) => test(text2, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text2) => values.includes(text2)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name23 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name23 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
function indexForByteOffset(source, byteOffset) {
  return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
}
__name(indexForByteOffset, "indexForByteOffset");
var finalizer5 = newFinalizer((address) => {
  C._ts_query_delete(address);
});
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** @internal */
  source;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.source = source;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
    finalizer5?.register(this, address, this);
  }
  /** Delete the query, freeing its resources. */
  delete() {
    finalizer5?.unregister(this);
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the index where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the index where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if the step at the given index in the query's source is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(index) {
    const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
  }
};

// ../sast/dist/chunk-PLLPHJNU.js
var TEMPLATE_BASE = {
  kind: "template",
  resolveModule: (spec) => ({ package: [spec] }),
  mutators: /* @__PURE__ */ new Set(),
  elementCallbacks: /* @__PURE__ */ new Set(),
  stringMethods: /* @__PURE__ */ new Set(),
  cleanMembers: /* @__PURE__ */ new Set(),
  lookups: /^$/
};
var HELPERS = /* @__PURE__ */ new Set(["include", "locals", "escapeFn", "rethrow"]);
function lower(root, source, file) {
  const rawOutputs2 = [];
  for (const node of root.children) {
    if (node.type !== "output_directive" || !source.slice(node).startsWith("<%-")) continue;
    const code = node.children.find((c) => c.type === "code");
    if (!code) continue;
    const match = /^\s*(?:locals\.)?([A-Za-z_$][\w$]*)/.exec(source.slice(code));
    if (match && !HELPERS.has(match[1])) rawOutputs2.push({ name: match[1], span: source.spanOf(node) });
  }
  return { file, language: "ejs", body: [], functions: [], imports: [], exports: [], rawOutputs: rawOutputs2 };
}
var ejs = {
  id: "ejs",
  ...TEMPLATE_BASE,
  snippetFile: "views/snippet.ejs",
  grammarFor: GRAMMAR_FOR.ejs,
  lower
};
var SourceText = class {
  text;
  lineStarts;
  constructor(text2) {
    this.text = text2;
    this.lineStarts = [0];
    for (let i2 = text2.indexOf("\n"); i2 !== -1; i2 = text2.indexOf("\n", i2 + 1)) this.lineStarts.push(i2 + 1);
  }
  get lineCount() {
    return this.lineStarts.length;
  }
  position(offset) {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }
  span(start2, end) {
    const a = this.position(start2);
    const b = this.position(end);
    return { start: start2, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
  spanOf(node) {
    return this.span(node.start, node.end);
  }
  slice(node) {
    return this.text.slice(node.start, node.end);
  }
  lineText(line) {
    const start2 = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    return this.text.slice(start2, next === void 0 ? void 0 : next - 1).replace(/\r$/, "");
  }
};
var KEYWORD = /^[a-z_]+$/;
function copyTree(tree) {
  const cursor = tree.walk();
  const language = tree.language;
  const types = /* @__PURE__ */ new Map();
  const fields = /* @__PURE__ */ new Map();
  const typeOf = (id) => {
    let type = types.get(id);
    if (type === void 0) types.set(id, type = language.types[id] ?? cursor.nodeType);
    return type;
  };
  const fieldOf2 = (id) => {
    if (id === 0) return void 0;
    if (!fields.has(id)) fields.set(id, language.fields[id] ?? void 0);
    return fields.get(id);
  };
  const visit = (type, field, named) => {
    const node = { type, field, named, start: cursor.startIndex, end: cursor.endIndex, children: [] };
    if (cursor.gotoFirstChild()) {
      do {
        const childType = typeOf(cursor.nodeTypeId);
        if (childType === "comment") continue;
        const childField = fieldOf2(cursor.currentFieldId);
        const childNamed = cursor.nodeIsNamed;
        if (!childNamed && childField === void 0) {
          if (KEYWORD.test(childType)) node.children.push({ type: childType, field: void 0, named: false, start: node.start, end: node.start, children: [] });
          continue;
        }
        node.children.push(visit(childType, childField, childNamed));
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    return node;
  };
  try {
    return visit(typeOf(cursor.nodeTypeId), void 0, true);
  } finally {
    cursor.delete();
  }
}
function fieldOf(node, name3) {
  for (const child of node.children) if (child.field === name3) return child;
  return void 0;
}
function fieldsOf(node, name3) {
  return node.children.filter((child) => child.field === name3);
}
function namedChildren(node) {
  return node.children.filter((child) => child.named);
}
function firstNamed(node) {
  return node.children.find((child) => child.named);
}
var BaseLowerContext = class {
  constructor(src, file) {
    this.src = src;
    this.file = file;
  }
  src;
  file;
  functions = [];
  imports = [];
  exports = [];
  nextId = 0;
  id() {
    return this.nextId++;
  }
  span(node) {
    return this.src.spanOf(node);
  }
  text(node) {
    return this.src.slice(node);
  }
  opaque(node, parts2 = []) {
    return { kind: "opaque", span: this.span(node), parts: parts2 };
  }
};
function dispatchStatement(ctx, node, table, skipped, lowerExpr5) {
  if (skipped.has(node.type) || !node.named) return [];
  const lower7 = table[node.type];
  if (lower7) return lower7(ctx, node);
  return [{ kind: "expr", span: ctx.span(node), expr: lowerExpr5(ctx, node) }];
}
var JavaContext = class extends BaseLowerContext {
  /** Simple name → qualified name, from single-type imports. */
  imported = /* @__PURE__ */ new Map();
  /** Classes declared in this file (top level and nested). */
  classes = /* @__PURE__ */ new Set();
  /** Fields of the class being lowered whose type gives them a role ($req, $res), by name. */
  fieldRoles = /* @__PURE__ */ new Map();
  fields = /* @__PURE__ */ new Set();
  method;
  pkg = "";
  isLocal(name3) {
    return this.method?.locals.has(name3) === true;
  }
  /** A type as written → the name it is known by: imported simple names qualified, generics dropped. */
  qualify(type) {
    const bare = type.replace(/<[\s\S]*$/, "").replace(/\[\]/g, "").trim();
    return this.imported.get(bare) ?? bare;
  }
};
function stringValue(ctx, node) {
  const text2 = ctx.text(node);
  if (text2.startsWith('"""')) return text2.slice(3, -3);
  return text2.length >= 2 ? text2.slice(1, -1) : text2;
}
function simpleType(ctx, node) {
  if (!node) return void 0;
  return ctx.text(node).replace(/<[\s\S]*$/, "").replace(/\[\]/g, "").trim().split(".").pop();
}
function integer(text2) {
  const clean = text2.replace(/_/g, "").replace(/[lL]$/, "");
  const value = /^0[xX]/.test(clean) ? parseInt(clean.slice(2), 16) : /^0[bB]/.test(clean) ? parseInt(clean.slice(2), 2) : Number(clean);
  return Number.isFinite(value) ? value : void 0;
}
function binary2(op, a, b) {
  if (op === "+") return typeof a === "number" && typeof b === "number" ? a + b : typeof a === "boolean" || typeof b === "boolean" ? void 0 : `${a}${b}`;
  if (op === "==") return a === b;
  if (op === "!=") return a !== b;
  if (op === "&&" || op === "||") {
    if (typeof a !== "boolean" || typeof b !== "boolean") return void 0;
    return op === "&&" ? a && b : a || b;
  }
  if (typeof a !== "number" || typeof b !== "number") return void 0;
  switch (op) {
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? void 0 : Math.trunc(a / b);
    case "%":
      return b === 0 ? void 0 : a % b;
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
    default:
      return void 0;
  }
}
function fold(ctx, node) {
  if (!node) return void 0;
  switch (node.type) {
    case "parenthesized_expression":
      return fold(ctx, firstNamed(node));
    case "decimal_integer_literal":
    case "hex_integer_literal":
    case "binary_integer_literal":
    case "octal_integer_literal":
      return integer(ctx.text(node));
    case "true":
      return true;
    case "false":
      return false;
    case "string_literal":
      return node.children.some((c) => c.type === "escape_sequence" || c.type === "string_interpolation") ? void 0 : stringValue(ctx, node);
    case "character_literal": {
      const inner = stringValue(ctx, node);
      return inner.length === 1 ? inner : void 0;
    }
    case "identifier": {
      const name3 = ctx.text(node);
      const method = ctx.method;
      if (!method || method.reassigned.has(name3)) return void 0;
      return method.constants.get(name3);
    }
    case "unary_expression": {
      const operand = fieldOf(node, "operand") ?? namedChildren(node)[0];
      const value = fold(ctx, operand);
      const op = ctx.text(node).trim()[0];
      if (op === "!" && typeof value === "boolean") return !value;
      if (op === "-" && typeof value === "number") return -value;
      return void 0;
    }
    case "binary_expression": {
      const op = fieldOf(node, "operator");
      const a = fold(ctx, fieldOf(node, "left"));
      if (a === void 0 || !op) return void 0;
      const b = fold(ctx, fieldOf(node, "right"));
      return b === void 0 ? void 0 : binary2(ctx.text(op), a, b);
    }
    case "ternary_expression": {
      const test = fold(ctx, fieldOf(node, "condition"));
      if (typeof test !== "boolean") return void 0;
      return fold(ctx, fieldOf(node, test ? "consequence" : "alternative"));
    }
    case "method_invocation": {
      const object3 = fold(ctx, fieldOf(node, "object"));
      const name3 = fieldOf(node, "name");
      if (typeof object3 !== "string" || !name3) return void 0;
      const args22 = namedChildren(fieldOf(node, "arguments") ?? node).map((a) => fold(ctx, a));
      const method = ctx.text(name3);
      if (method === "length" && !args22.length) return object3.length;
      if (method === "charAt" && typeof args22[0] === "number") return object3.charAt(args22[0]) || void 0;
      if (method === "equals" && args22[0] !== void 0) return object3 === args22[0];
      return void 0;
    }
    default:
      return void 0;
  }
}
function assignedNames(ctx, node, out2 = /* @__PURE__ */ new Set()) {
  if (node.type === "assignment_expression") {
    const left = fieldOf(node, "left");
    if (left?.type === "identifier") out2.add(ctx.text(left));
  } else if (node.type === "update_expression") {
    const operand = namedChildren(node)[0];
    if (operand?.type === "identifier") out2.add(ctx.text(operand));
  }
  for (const child of node.children) assignedNames(ctx, child, out2);
  return out2;
}
function declaredNames(ctx, node, out2 = /* @__PURE__ */ new Set()) {
  if (node.type === "variable_declarator" || node.type === "formal_parameter" || node.type === "catch_formal_parameter" || node.type === "resource" || node.type === "enhanced_for_statement" || node.type === "spread_parameter") {
    const name3 = fieldOf(node, "name") ?? namedChildren(node).find((c) => c.type === "variable_declarator");
    if (name3?.type === "identifier") out2.add(ctx.text(name3));
    else if (name3) {
      const inner = fieldOf(name3, "name");
      if (inner) out2.add(ctx.text(inner));
    }
  } else if (node.type === "lambda_expression") {
    const params = fieldOf(node, "parameters");
    if (params?.type === "identifier") out2.add(ctx.text(params));
    else if (params) {
      for (const p of namedChildren(params)) if (p.type === "identifier") out2.add(ctx.text(p));
    }
  }
  for (const child of node.children) declaredNames(ctx, child, out2);
  return out2;
}
var DATA_TYPES = /^(?:String|Object|CharSequence|Integer|Long|Short|Byte|Double|Float|Boolean|Character|Number|var|int|long|short|byte|double|float|boolean|char)$/;
function literal(ctx, node, value) {
  return { kind: "literal", span: ctx.span(node), value };
}
function moduleExpr(ctx, node, module2) {
  return { kind: "module", span: ctx.span(node), module: module2 };
}
function qualifiedChain(ctx, node) {
  const names2 = [];
  let cursor = node;
  while (cursor?.type === "field_access") {
    const field = fieldOf(cursor, "field");
    if (!field) return void 0;
    names2.unshift(field);
    cursor = fieldOf(cursor, "object");
  }
  if (cursor?.type !== "identifier") return void 0;
  const first = ctx.text(cursor);
  if (ctx.isLocal(first) || ctx.fields.has(first) || !/^[a-z]/.test(first)) return void 0;
  names2.unshift(cursor);
  const classAt = names2.findIndex((n) => /^[A-Z]/.test(ctx.text(n)));
  if (classAt < 0) return void 0;
  const qualified = names2.slice(0, classAt + 1).map((n) => ctx.text(n)).join(".");
  let expr = { kind: "module", span: ctx.src.span(node.start, names2[classAt].end), module: qualified };
  for (const n of names2.slice(classAt + 1)) expr = { kind: "member", span: ctx.src.span(node.start, n.end), object: expr, property: ctx.text(n) };
  return expr;
}
function identifier(ctx, node) {
  const name3 = ctx.text(node);
  const span = ctx.span(node);
  if (ctx.isLocal(name3)) {
    if (ctx.method?.collections.has(name3)) ctx.method.collections.set(name3, "unknown");
    return { kind: "name", span, name: name3 };
  }
  const role = ctx.fieldRoles.get(name3);
  if (role) return moduleExpr(ctx, node, role);
  if (ctx.fields.has(name3)) return { kind: "member", span, object: { kind: "name", span, name: "this" }, property: name3 };
  if (/^[A-Z]/.test(name3) && !ctx.classes.has(name3) && !/^[A-Z0-9_]+$/.test(name3)) return moduleExpr(ctx, node, ctx.qualify(name3));
  return { kind: "name", span, name: name3 };
}
function fieldAccess(ctx, node) {
  const chain2 = qualifiedChain(ctx, node);
  if (chain2) return chain2;
  const object3 = fieldOf(node, "object");
  const field = fieldOf(node, "field");
  const property = field ? ctx.text(field) : void 0;
  if (object3?.type === "this" && property && ctx.fieldRoles.has(property)) return moduleExpr(ctx, node, ctx.fieldRoles.get(property));
  return { kind: "member", span: ctx.span(node), object: object3 ? lowerExpr(ctx, object3) : ctx.opaque(node), property };
}
function args2(ctx, node) {
  const list = fieldOf(node, "arguments");
  return list ? namedChildren(list).map((a) => lowerExpr(ctx, a)) : [];
}
function ownReceiver(ctx, object3) {
  if (!object3 || object3.type === "this") return true;
  if (object3.type === "identifier") return ctx.classes.has(ctx.text(object3)) && !ctx.isLocal(ctx.text(object3));
  if (object3.type === "object_creation_expression" && !fieldOf(object3, "body") && !object3.children.some((c) => c.type === "class_body")) {
    const type = fieldOf(object3, "type");
    return type !== void 0 && ctx.classes.has(ctx.text(type).replace(/<[\s\S]*$/, ""));
  }
  return false;
}
var BUILDER_METHODS = /* @__PURE__ */ new Set(["append", "insert"]);
var NUMERIC_METHODS = /* @__PURE__ */ new Set(["length", "size", "hashCode", "indexOf", "lastIndexOf", "compareTo", "compareToIgnoreCase", "isEmpty", "isBlank", "equals", "equalsIgnoreCase", "startsWith", "endsWith", "contains", "matches", "hasNext", "hasMoreElements", "intValue", "longValue"]);
var READ_ONLY = /* @__PURE__ */ new Set(["size", "isEmpty", "contains", "containsKey", "containsValue", "get", "getOrDefault", "equals", "hashCode"]);
function collectionCall(ctx, node, object3, method) {
  const scope = ctx.method;
  const tracked = scope?.collections.get(ctx.text(object3));
  if (!scope || tracked === void 0 || tracked === "unknown") return void 0;
  const argNodes2 = namedChildren(fieldOf(node, "arguments") ?? node);
  const key = fold(ctx, argNodes2[0]);
  const same = tracked.depth === scope.depth;
  if (tracked.kind === "list") {
    if (method === "add" && argNodes2.length === 1 && same) tracked.items.push(argNodes2[0]);
    else if (method === "remove" && typeof key === "number" && same) tracked.items.splice(key, 1);
    else if (method === "get" && typeof key === "number") {
      const item = tracked.items[key];
      return item ? lowerExpr(ctx, item) : literal(ctx, node, null);
    } else if (!READ_ONLY.has(method)) scope.collections.set(ctx.text(object3), "unknown");
    return void 0;
  }
  if (method === "put" && typeof key === "string" && argNodes2[1] && same) tracked.entries.set(key, argNodes2[1]);
  else if (method === "get" && typeof key === "string") {
    const item = tracked.entries.get(key);
    return item ? lowerExpr(ctx, item) : literal(ctx, node, null);
  } else if (!READ_ONLY.has(method)) scope.collections.set(ctx.text(object3), "unknown");
  return void 0;
}
function methodInvocation(ctx, node) {
  const object3 = fieldOf(node, "object");
  const nameNode = fieldOf(node, "name");
  const method = nameNode ? ctx.text(nameNode) : "";
  const span = ctx.span(node);
  if (object3?.type === "identifier" && ctx.isLocal(ctx.text(object3))) {
    const element = collectionCall(ctx, node, object3, method);
    if (element) return element;
  }
  if (BUILDER_METHODS.has(method) && object3) {
    const chain2 = [node];
    let root = object3;
    while (root.type === "method_invocation" && BUILDER_METHODS.has(ctx.text(fieldOf(root, "name") ?? root)) && fieldOf(root, "object")) {
      chain2.push(root);
      root = fieldOf(root, "object");
    }
    if (root.type === "identifier" && ctx.isLocal(ctx.text(root)) && chain2.length > 1) {
      const parts2 = chain2.reverse().flatMap((c) => namedChildren(fieldOf(c, "arguments") ?? c).map((a) => lowerExpr(ctx, a)));
      return { kind: "assign", span, target: { kind: "name", span: ctx.span(root), name: ctx.text(root) }, value: { kind: "concat", span, parts: parts2 }, append: true };
    }
  }
  const lowered = args2(ctx, node);
  if (object3 && NUMERIC_METHODS.has(method)) return ctx.opaque(node, [lowerExpr(ctx, object3), ...lowered]);
  if (ownReceiver(ctx, object3)) {
    const self = { kind: "name", span: object3 ? ctx.span(object3) : span, name: "this" };
    return { kind: "call", span, callee: { kind: "member", span, object: self, property: method }, args: lowered };
  }
  if (object3 && method === "format" && /^(?:java\.lang\.)?String$/.test(ctx.text(object3))) return { kind: "concat", span, parts: lowered };
  const receiver = object3 ? object3.type === "identifier" && ctx.method?.collections.has(ctx.text(object3)) ? { kind: "name", span: ctx.span(object3), name: ctx.text(object3) } : lowerExpr(ctx, object3) : ctx.opaque(node);
  return { kind: "call", span, callee: { kind: "member", span: ctx.src.span(node.start, nameNode?.end ?? node.end), object: receiver, property: method }, args: lowered };
}
function objectCreation(ctx, node) {
  const type = fieldOf(node, "type");
  const span = ctx.span(node);
  const lowered = args2(ctx, node);
  const body3 = node.children.find((c) => c.type === "class_body");
  const typeName2 = type ? ctx.text(type).replace(/<[\s\S]*$/, "").trim() : "";
  const callee = ctx.classes.has(typeName2) ? { kind: "name", span: ctx.span(type), name: typeName2 } : { kind: "module", span: type ? ctx.span(type) : span, module: ctx.qualify(typeName2) };
  const call3 = { kind: "call", span, callee, args: lowered, construct: true };
  if (!body3) return call3;
  return { kind: "union", span, parts: [call3, ...lowerAnonymousClass(ctx, body3)] };
}
function binary22(ctx, node) {
  const constant2 = fold(ctx, node);
  if (constant2 !== void 0) return literal(ctx, node, constant2);
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  const operator = fieldOf(node, "operator");
  if (!left || !right || !operator) return ctx.opaque(node);
  const parts2 = [lowerExpr(ctx, left), lowerExpr(ctx, right)];
  if (ctx.text(operator) === "+") return { kind: "concat", span: ctx.span(node), parts: parts2.flatMap((p) => p.kind === "concat" ? p.parts : [p]) };
  return { kind: "opaque", span: ctx.span(node), parts: parts2 };
}
function ternary(ctx, node) {
  const test = fieldOf(node, "condition");
  const then = fieldOf(node, "consequence");
  const other = fieldOf(node, "alternative");
  if (!test || !then || !other) return ctx.opaque(node);
  const known = fold(ctx, test);
  if (typeof known === "boolean") return lowerExpr(ctx, known ? then : other);
  return { kind: "cond", span: ctx.span(node), test: lowerExpr(ctx, test), then: lowerExpr(ctx, then), else: lowerExpr(ctx, other) };
}
function typedValue(ctx, type, value) {
  if (!type || DATA_TYPES.test(type.replace(/<[\s\S]*$/, "").split(".").pop() ?? "") || /\[\]$/.test(type.trim())) return value;
  const qualified = ctx.qualify(type);
  if (!qualified || ctx.classes.has(qualified)) return value;
  return { kind: "union", span: value.span, parts: [value, { kind: "module", span: value.span, module: qualified }] };
}
function lowerTarget(ctx, node) {
  const span = ctx.span(node);
  if (node.type === "identifier") {
    const name3 = ctx.text(node);
    if (!ctx.isLocal(name3) && ctx.fields.has(name3)) return { kind: "member", span, object: { kind: "name", span, name: "this" }, property: name3 };
    return { kind: "name", span, name: name3 };
  }
  if (node.type === "field_access") {
    const lowered = fieldAccess(ctx, node);
    if (lowered.kind === "member") return { kind: "member", span, object: lowered.object, property: lowered.property };
  }
  if (node.type === "parenthesized_expression") {
    const inner = firstNamed(node);
    if (inner) return lowerTarget(ctx, inner);
  }
  return { kind: "none", span };
}
function assignment(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  const op = fieldOf(node, "operator");
  if (!left || !right) return ctx.opaque(node);
  const span = ctx.span(node);
  const text2 = op ? ctx.text(op) : "=";
  let value = lowerExpr(ctx, right);
  if (left.type === "array_access") {
    const array = fieldOf(left, "array");
    const index = fieldOf(left, "index");
    const target2 = array ? lowerTarget(ctx, array) : void 0;
    if (!target2 || target2.kind === "none") return ctx.opaque(node, [value]);
    return { kind: "assign", span, target: target2, value: { kind: "union", span, parts: [value, ...index ? [ctx.opaque(index, [lowerExpr(ctx, index)])] : []] }, append: true };
  }
  const target = lowerTarget(ctx, left);
  if (text2 === "=") {
    if (left.type === "identifier") value = typedValue(ctx, ctx.method?.types.get(ctx.text(left)), value);
    return { kind: "assign", span, target, value };
  }
  if (text2 === "+=") return { kind: "assign", span, target, value, append: true };
  return { kind: "assign", span, target, value: ctx.opaque(node, [value]) };
}
function arrayCreation(ctx, node) {
  const value = fieldOf(node, "value") ?? node.children.find((c) => c.type === "array_initializer");
  if (value) return lowerExpr(ctx, value);
  return ctx.opaque(node, namedChildren(node).filter((c) => c.type === "dimensions_expr").map((c) => lowerExpr(ctx, c)));
}
var LOWER = {
  identifier,
  this: (ctx, n) => ({ kind: "name", span: ctx.span(n), name: "this" }),
  super: (ctx, n) => ({ kind: "name", span: ctx.span(n), name: "this" }),
  null_literal: (ctx, n) => literal(ctx, n, null),
  true: (ctx, n) => literal(ctx, n, true),
  false: (ctx, n) => literal(ctx, n, false),
  decimal_integer_literal: (ctx, n) => literal(ctx, n, fold(ctx, n) ?? 0),
  hex_integer_literal: (ctx, n) => literal(ctx, n, fold(ctx, n) ?? 0),
  octal_integer_literal: (ctx, n) => literal(ctx, n, 0),
  binary_integer_literal: (ctx, n) => literal(ctx, n, 0),
  decimal_floating_point_literal: (ctx, n) => literal(ctx, n, Number.parseFloat(ctx.text(n))),
  hex_floating_point_literal: (ctx, n) => literal(ctx, n, 0),
  string_literal: (ctx, n) => literal(ctx, n, stringValue(ctx, n)),
  text_block: (ctx, n) => literal(ctx, n, stringValue(ctx, n)),
  character_literal: (ctx, n) => literal(ctx, n, stringValue(ctx, n)),
  class_literal: (ctx, n) => literal(ctx, n, ctx.text(n)),
  field_access: fieldAccess,
  array_access: (ctx, n) => {
    const array = fieldOf(n, "array");
    const index = fieldOf(n, "index");
    return { kind: "member", span: ctx.span(n), object: array ? lowerExpr(ctx, array) : ctx.opaque(n), property: void 0, index: index ? lowerExpr(ctx, index) : void 0 };
  },
  method_invocation: methodInvocation,
  object_creation_expression: objectCreation,
  binary_expression: binary22,
  ternary_expression: ternary,
  assignment_expression: assignment,
  cast_expression: (ctx, n) => {
    const value = fieldOf(n, "value");
    return value ? lowerExpr(ctx, value) : ctx.opaque(n);
  },
  parenthesized_expression: (ctx, n) => {
    const inner = firstNamed(n);
    return inner ? lowerExpr(ctx, inner) : ctx.opaque(n);
  },
  array_initializer: (ctx, n) => ({ kind: "array", span: ctx.span(n), items: namedChildren(n).map((c) => lowerExpr(ctx, c)) }),
  array_creation_expression: arrayCreation,
  lambda_expression: lowerLambda,
  unary_expression: (ctx, n) => {
    const constant2 = fold(ctx, n);
    if (constant2 !== void 0) return literal(ctx, n, constant2);
    return ctx.opaque(n, namedChildren(n).map((c) => lowerExpr(ctx, c)));
  }
};
function lowerExpr(ctx, node) {
  const lower7 = LOWER[node.type];
  if (lower7) return lower7(ctx, node);
  return ctx.opaque(node, namedChildren(node).filter((c) => !c.type.endsWith("type") && c.type !== "type_identifier").map((child) => lowerExpr(ctx, child)));
}
var TYPE_ROLES = [
  [/^(?:HttpServletRequest|ServletRequest|HttpServletRequestWrapper|MultipartHttpServletRequest|StandardMultipartHttpServletRequest|WebRequest|NativeWebRequest)$/, "$req"],
  [/^(?:HttpServletResponse|ServletResponse|HttpServletResponseWrapper)$/, "$res"]
];
function roleOfType(type) {
  if (!type) return void 0;
  return TYPE_ROLES.find(([pattern2]) => pattern2.test(type))?.[1];
}
var MAPPING_ANNOTATIONS = /* @__PURE__ */ new Set(["RequestMapping", "GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping"]);
var SPRING_SOURCES = {
  RequestParam: { kind: "http.query", label: "request parameter" },
  PathVariable: { kind: "http.params", label: "path parameter" },
  MatrixVariable: { kind: "http.params", label: "path parameter" },
  RequestBody: { kind: "http.body", label: "request body" },
  RequestPart: { kind: "http.body", label: "request part" },
  ModelAttribute: { kind: "http.body", label: "request form" },
  RequestHeader: { kind: "http.headers", label: "request header" },
  CookieValue: { kind: "http.cookies", label: "cookie" }
};
function sourceOfAnnotation(name3, value) {
  const source = SPRING_SOURCES[name3];
  if (!source) return void 0;
  return { kind: source.kind, label: value ? `${source.label} \`${value}\`` : source.label };
}
var SKIPPED = /* @__PURE__ */ new Set(["break_statement", "continue_statement", "assert_statement", "empty_statement", "line_comment", "block_comment", ";"]);
var COLLECTIONS = /^(?:java\.util\.)?(?:(ArrayList|LinkedList|Vector|CopyOnWriteArrayList)|(HashMap|TreeMap|LinkedHashMap|Hashtable|ConcurrentHashMap))$/;
function declaration(ctx, node) {
  const typeNode = fieldOf(node, "type");
  const type = typeNode ? ctx.text(typeNode) : void 0;
  return fieldsOf(node, "declarator").flatMap((declarator) => {
    const nameNode = fieldOf(declarator, "name");
    const value = fieldOf(declarator, "value");
    if (!nameNode) return [];
    const name3 = ctx.text(nameNode);
    const scope = ctx.method;
    const dims = declarator.children.some((c) => c.type === "dimensions");
    const declared = type && type !== "var" && !dims ? type : void 0;
    if (scope && declared) scope.types.set(name3, declared);
    if (scope && value) {
      const constant2 = fold(ctx, value);
      if (constant2 !== void 0) scope.constants.set(name3, constant2);
      const created = value.type === "object_creation_expression" ? fieldOf(value, "type") : void 0;
      const kind = created ? COLLECTIONS.exec(ctx.text(created).replace(/<[\s\S]*$/, "").trim()) : null;
      const noArgs = value.type === "object_creation_expression" && namedChildren(fieldOf(value, "arguments") ?? value).length === 0;
      if (kind && noArgs) scope.collections.set(name3, kind[1] ? { kind: "list", items: [], depth: scope.depth } : { kind: "map", entries: /* @__PURE__ */ new Map(), depth: scope.depth });
      else scope.collections.delete(name3);
    }
    const span = ctx.span(declarator);
    const target = { kind: "name", span: ctx.span(nameNode), name: name3 };
    if (!value) return [{ kind: "assign", span, target, value: void 0 }];
    return [{ kind: "assign", span, target, value: typedValue(ctx, declared, lowerExpr(ctx, value)) }];
  });
}
function nested(ctx, node) {
  if (!node) return [];
  if (ctx.method) ctx.method.depth++;
  try {
    return node.type === "block" ? lowerBlock(ctx, node) : lowerStatement(ctx, node);
  } finally {
    if (ctx.method) ctx.method.depth--;
  }
}
function ifStatement(ctx, node) {
  const test = fieldOf(node, "condition");
  const then = fieldOf(node, "consequence");
  const otherwise = fieldOf(node, "alternative");
  const known = fold(ctx, test);
  if (known === true) return nested(ctx, then);
  if (known === false) return nested(ctx, otherwise);
  return [{ kind: "if", span: ctx.span(node), test: test ? lowerExpr(ctx, test) : ctx.opaque(node), then: nested(ctx, then), else: nested(ctx, otherwise) }];
}
function forStatement(ctx, node) {
  const head = fieldsOf(node, "init").flatMap((init2) => lowerStatement(ctx, init2));
  const test = fieldOf(node, "condition");
  const body3 = nested(ctx, fieldOf(node, "body"));
  for (const update of fieldsOf(node, "update")) body3.push({ kind: "expr", span: ctx.span(update), expr: lowerExpr(ctx, update) });
  return [{ kind: "loop", span: ctx.span(node), head, test: test ? lowerExpr(ctx, test) : void 0, body: body3 }];
}
function enhancedFor(ctx, node) {
  const name3 = fieldOf(node, "name");
  const value = fieldOf(node, "value");
  const each = name3 && value ? { target: { kind: "name", span: ctx.span(name3), name: ctx.text(name3) }, iterable: lowerExpr(ctx, value) } : void 0;
  return [{ kind: "loop", span: ctx.span(node), head: [], body: nested(ctx, fieldOf(node, "body")), each }];
}
function whileStatement(ctx, node) {
  const test = fieldOf(node, "condition");
  if (node.type === "while_statement" && fold(ctx, test) === false) return [];
  return [{ kind: "loop", span: ctx.span(node), head: [], test: test ? lowerExpr(ctx, test) : void 0, body: nested(ctx, fieldOf(node, "body")) }];
}
function tryStatement(ctx, node) {
  const head = [];
  const resources = fieldOf(node, "resources");
  for (const resource of resources ? namedChildren(resources) : []) {
    const name3 = fieldOf(resource, "name");
    const value = fieldOf(resource, "value");
    const type = fieldOf(resource, "type");
    if (name3 && value) {
      if (type && ctx.method) ctx.method.types.set(ctx.text(name3), ctx.text(type));
      head.push({ kind: "assign", span: ctx.span(resource), target: { kind: "name", span: ctx.span(name3), name: ctx.text(name3) }, value: typedValue(ctx, type ? ctx.text(type) : void 0, lowerExpr(ctx, value)) });
    } else head.push({ kind: "expr", span: ctx.span(resource), expr: lowerExpr(ctx, resource) });
  }
  const catches = node.children.filter((c) => c.type === "catch_clause");
  const fin = node.children.find((c) => c.type === "finally_clause");
  const firstParam = catches[0] ? namedChildren(catches[0]).find((c) => c.type === "catch_formal_parameter") : void 0;
  const paramName = firstParam ? fieldOf(firstParam, "name") : void 0;
  const arms = catches.map((c) => nested(ctx, fieldOf(c, "body")));
  const handler = arms.length > 1 ? [{ kind: "branches", span: ctx.span(node), arms }] : arms[0] ?? [];
  return [
    ...head,
    {
      kind: "try",
      span: ctx.span(node),
      body: nested(ctx, fieldOf(node, "body")),
      handler,
      param: paramName ? { kind: "name", span: ctx.span(paramName), name: ctx.text(paramName) } : void 0,
      finalizer: fin ? nested(ctx, namedChildren(fin)[0]) : []
    }
  ];
}
function switchStatement(ctx, node) {
  const subject = fieldOf(node, "condition");
  const block2 = fieldOf(node, "body");
  const groups = block2 ? namedChildren(block2) : [];
  const known = fold(ctx, subject);
  const labelsOf = (group2) => group2.children.filter((c) => c.type === "switch_label");
  const statementsOf = (group2) => group2.children.filter((c) => c.named && c.type !== "switch_label");
  const run3 = (from) => {
    const out2 = [];
    if (ctx.method) ctx.method.depth++;
    try {
      for (let i2 = from; i2 < groups.length; i2++) {
        const group2 = groups[i2];
        for (const stmt of statementsOf(group2)) {
          if (stmt.type === "break_statement") return out2;
          out2.push(...stmt.type === "block" ? lowerBlock(ctx, stmt) : lowerStatement(ctx, stmt));
        }
        if (group2.type === "switch_rule") return out2;
      }
      return out2;
    } finally {
      if (ctx.method) ctx.method.depth--;
    }
  };
  if (known !== void 0) {
    let taken = groups.findIndex((g) => labelsOf(g).some((l) => namedChildren(l).some((e) => fold(ctx, e) === known)));
    if (taken < 0) taken = groups.findIndex((g) => labelsOf(g).some((l) => !namedChildren(l).length));
    const allConstant = groups.every((g) => labelsOf(g).every((l) => namedChildren(l).every((e) => fold(ctx, e) !== void 0)));
    if (allConstant) return taken < 0 ? [] : run3(taken);
  }
  const arms = groups.map((_, i2) => run3(i2));
  if (!groups.some((g) => labelsOf(g).some((l) => !namedChildren(l).length))) arms.push([]);
  return [{ kind: "branches", span: ctx.span(node), test: subject ? lowerExpr(ctx, subject) : void 0, arms }];
}
function expressionStatement(ctx, node) {
  const inner = firstNamed(node);
  if (!inner) return [];
  return [{ kind: "expr", span: ctx.span(node), expr: lowerExpr(ctx, inner) }];
}
var STATEMENTS = {
  local_variable_declaration: declaration,
  expression_statement: expressionStatement,
  if_statement: ifStatement,
  for_statement: forStatement,
  enhanced_for_statement: enhancedFor,
  while_statement: whileStatement,
  do_statement: whileStatement,
  try_statement: tryStatement,
  try_with_resources_statement: tryStatement,
  switch_expression: switchStatement,
  switch_statement: switchStatement,
  block: (ctx, n) => nested(ctx, n),
  labeled_statement: (ctx, n) => namedChildren(n).slice(1).flatMap((s) => lowerStatement(ctx, s)),
  synchronized_statement: (ctx, n) => {
    const body3 = n.children.find((c) => c.type === "block");
    return body3 ? lowerBlock(ctx, body3) : [];
  },
  return_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: "return", span: ctx.span(n), value: value ? lowerExpr(ctx, value) : void 0 }];
  },
  throw_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: "throw", span: ctx.span(n), value: value ? lowerExpr(ctx, value) : void 0 }];
  },
  class_declaration: (ctx, n) => lowerClass(ctx, n),
  local_class_declaration: (ctx, n) => lowerClass(ctx, n),
  record_declaration: (ctx, n) => lowerClass(ctx, n)
};
function lowerStatement(ctx, node) {
  return dispatchStatement(ctx, node, STATEMENTS, SKIPPED, lowerExpr);
}
function lowerBlock(ctx, node) {
  return node.children.flatMap((child) => lowerStatement(ctx, child));
}
var CLASS_TYPES = /* @__PURE__ */ new Set(["class_declaration", "interface_declaration", "enum_declaration", "record_declaration", "local_class_declaration"]);
function annotationsOf(ctx, node) {
  const modifiers = node.children.find((c) => c.type === "modifiers");
  if (!modifiers) return [];
  return modifiers.children.filter((c) => c.type === "annotation" || c.type === "marker_annotation").map((a) => {
    const name3 = fieldOf(a, "name");
    const args22 = fieldOf(a, "arguments");
    let value;
    for (const arg of args22 ? namedChildren(args22) : []) {
      if (arg.type === "string_literal") value ??= stringValue(ctx, arg);
      else if (arg.type === "element_value_pair") {
        const key = fieldOf(arg, "key");
        const v = fieldOf(arg, "value");
        if (key && v?.type === "string_literal" && /^(?:value|name)$/.test(ctx.text(key))) value ??= stringValue(ctx, v);
      }
    }
    return { name: name3 ? ctx.text(name3).split(".").pop() : "", value, args: args22 };
  });
}
function newScope(ctx, node) {
  const locals = declaredNames(ctx, node);
  for (const name3 of ctx.method?.locals ?? []) locals.add(name3);
  return { locals, types: new Map(ctx.method?.types ?? []), constants: /* @__PURE__ */ new Map(), reassigned: assignedNames(ctx, node), collections: /* @__PURE__ */ new Map(), depth: 0 };
}
function lowerParams(ctx, list, spring) {
  if (!list) return [];
  return namedChildren(list).filter((p) => p.type === "formal_parameter" || p.type === "spread_parameter").map((p) => {
    const nameNode = fieldOf(p, "name") ?? namedChildren(p).find((c) => c.type === "variable_declarator" || c.type === "identifier");
    const idNode = nameNode?.type === "variable_declarator" ? fieldOf(nameNode, "name") : nameNode;
    const name3 = idNode ? ctx.text(idNode) : "_";
    const typeNode = fieldOf(p, "type") ?? namedChildren(p).find((c) => c.type.endsWith("type") || c.type === "type_identifier");
    const type = simpleType(ctx, typeNode);
    if (typeNode && ctx.method) ctx.method.types.set(name3, ctx.text(typeNode));
    const pattern2 = { kind: "name", span: ctx.span(idNode ?? p), name: name3 };
    const role = roleOfType(type);
    if (role) return { pattern: pattern2, name: name3, ref: role };
    for (const annotation of annotationsOf(ctx, p)) {
      const source = sourceOfAnnotation(annotation.name, annotation.value ?? (annotation.name === "RequestBody" ? void 0 : name3));
      if (source) return { pattern: pattern2, name: name3, source };
    }
    if (spring && type && /^(?:String|Map|List|MultiValueMap|Optional)$/.test(type)) {
      return { pattern: pattern2, name: name3, source: sourceOfAnnotation("RequestParam", name3) };
    }
    return { pattern: pattern2, name: name3, rest: p.type === "spread_parameter" };
  });
}
function lowerMethod(ctx, node, className) {
  const saved = ctx.method;
  ctx.method = newScope(ctx, node);
  try {
    const nameNode = fieldOf(node, "name");
    const name3 = nameNode ? ctx.text(nameNode) : className;
    const annotations = annotationsOf(ctx, node);
    const spring = annotations.some((a) => MAPPING_ANNOTATIONS.has(a.name));
    const fn = { id: ctx.id(), name: name3, span: ctx.span(node), params: lowerParams(ctx, fieldOf(node, "parameters"), spring), body: [] };
    ctx.functions.push(fn);
    if (spring) fn.handler = annotations.find((a) => MAPPING_ANNOTATIONS.has(a.name)).name;
    else if (fn.params.some((p) => p.ref === "$req")) fn.handler = name3;
    const body3 = fieldOf(node, "body");
    if (body3) fn.body = lowerBlock(ctx, body3);
    return fn;
  } finally {
    ctx.method = saved;
  }
}
function lowerLambda(ctx, node) {
  const params = fieldOf(node, "parameters");
  const names2 = !params ? [] : params.type === "identifier" ? [params] : namedChildren(params).map((p) => p.type === "identifier" ? p : fieldOf(p, "name")).filter((p) => p !== void 0);
  const fn = { id: ctx.id(), span: ctx.span(node), params: names2.map((n) => ({ pattern: { kind: "name", span: ctx.span(n), name: ctx.text(n) }, name: ctx.text(n) })), body: [] };
  ctx.functions.push(fn);
  const body3 = fieldOf(node, "body");
  if (body3?.type === "block") fn.body = lowerBlock(ctx, body3);
  else if (body3) fn.body = [{ kind: "return", span: ctx.span(body3), value: lowerExpr(ctx, body3) }];
  return { kind: "function", span: ctx.span(node), fn };
}
function lowerAnonymousClass(ctx, body3) {
  return namedChildren(body3).filter((m) => m.type === "method_declaration").map((m) => ({ kind: "function", span: ctx.span(m), fn: lowerMethod(ctx, m, void 0) }));
}
function lowerClass(ctx, node, topLevel = false) {
  const nameNode = fieldOf(node, "name");
  const name3 = nameNode ? ctx.text(nameNode) : void 0;
  const body3 = fieldOf(node, "body");
  const savedFields = ctx.fields;
  const savedRoles = ctx.fieldRoles;
  ctx.fields = new Set(savedFields);
  ctx.fieldRoles = new Map(savedRoles);
  const members = [];
  const fields = [];
  const nestedStmts = [];
  const items = body3 ? body3.children.flatMap((c) => c.type === "enum_body_declarations" ? c.children : [c]) : [];
  try {
    for (const item of items) {
      if (item.type !== "field_declaration" && item.type !== "constant_declaration") continue;
      const type = simpleType(ctx, fieldOf(item, "type"));
      for (const declarator of fieldsOf(item, "declarator")) {
        const fieldName = fieldOf(declarator, "name");
        if (!fieldName) continue;
        ctx.fields.add(ctx.text(fieldName));
        const role = roleOfType(type);
        if (role) ctx.fieldRoles.set(ctx.text(fieldName), role);
      }
    }
    const isPublic = topLevel && /\bpublic\b/.test(ctx.text(node.children.find((c) => c.type === "modifiers") ?? { start: 0, end: 0 }));
    for (const item of items) {
      if (item.type === "method_declaration" || item.type === "constructor_declaration" || item.type === "compact_constructor_declaration") {
        const fn = lowerMethod(ctx, item, name3);
        members.push(fn);
        if (isPublic && item.type === "method_declaration" && fn.name && !ctx.exports.some((e) => e.name === fn.name)) ctx.exports.push({ name: fn.name, fn: fn.id });
      } else if (item.type === "field_declaration" || item.type === "constant_declaration") {
        for (const declarator of fieldsOf(item, "declarator")) {
          const fieldName = fieldOf(declarator, "name");
          const value = fieldOf(declarator, "value");
          if (fieldName && value) fields.push({ name: ctx.text(fieldName), value: lowerExpr(ctx, value) });
        }
      } else if (item.type === "static_initializer" || item.type === "block") {
        const block2 = item.type === "block" ? item : item.children.find((c) => c.type === "block");
        if (block2) {
          const saved = ctx.method;
          ctx.method = newScope(ctx, block2);
          const fn = { id: ctx.id(), name: void 0, span: ctx.span(item), params: [], body: lowerBlock(ctx, block2) };
          ctx.method = saved;
          ctx.functions.push(fn);
          members.push(fn);
        }
      } else if (CLASS_TYPES.has(item.type)) {
        nestedStmts.push(...lowerClass(ctx, item));
      }
    }
  } finally {
    ctx.fields = savedFields;
    ctx.fieldRoles = savedRoles;
  }
  return [{ kind: "class", span: ctx.span(node), name: name3, members, fields }, ...nestedStmts];
}
function collectClasses(ctx, node) {
  if (CLASS_TYPES.has(node.type)) {
    const name3 = fieldOf(node, "name");
    if (name3) ctx.classes.add(ctx.text(name3));
  }
  for (const child of node.children) if (child.named) collectClasses(ctx, child);
}
var BY_NAME = /* @__PURE__ */ new WeakMap();
function javaFilesByName(files) {
  let index = BY_NAME.get(files);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const file of files) {
      if (!file.endsWith(".java")) continue;
      const base2 = posix.basename(file, ".java");
      index.set(base2, [...index.get(base2) ?? [], file]);
    }
    BY_NAME.set(files, index);
  }
  return index;
}
function resolveJavaModule(spec, from, files) {
  const segments = spec.split(".");
  if (spec.startsWith("$")) return { package: segments };
  const name3 = segments.at(-1);
  const candidates = javaFilesByName(files).get(name3);
  if (candidates) {
    if (segments.length > 1) {
      const suffix = `${segments.join("/")}.java`;
      const found = candidates.find((f) => f === suffix || f.endsWith(`/${suffix}`));
      if (found) return { file: found };
    } else {
      const same = posix.join(posix.dirname(from), `${name3}.java`);
      if (candidates.includes(same) && same !== from) return { file: same };
    }
  }
  return { package: segments };
}
function lowerImport(ctx, node) {
  const text2 = ctx.text(node).replace(/^import\s+/, "").replace(/;\s*$/, "").trim();
  if (text2.endsWith("*")) return;
  const isStatic = text2.startsWith("static ");
  const name3 = text2.replace(/^static\s+/, "").replace(/\s+/g, "");
  const local = name3.split(".").pop();
  if (isStatic) {
    ctx.imports.push({ local, module: name3.split(".").slice(0, -1).join("."), imported: local });
    return;
  }
  ctx.imported.set(local, name3);
  ctx.imports.push({ local, module: name3, imported: "*" });
}
function lower2(root, source, file) {
  const ctx = new JavaContext(source, file);
  collectClasses(ctx, root);
  const body3 = [];
  for (const child of namedChildren(root)) {
    if (child.type === "import_declaration") lowerImport(ctx, child);
    else if (child.type === "package_declaration") ctx.pkg = ctx.text(child).replace(/^package\s+|;\s*$/g, "").trim();
    else if (/_declaration$/.test(child.type)) body3.push(...lowerClass(ctx, child, true));
  }
  return { file, language: "java", body: body3, functions: ctx.functions, imports: ctx.imports, exports: ctx.exports };
}
var java = {
  id: "java",
  snippetFile: "Snippet.java",
  grammarFor: GRAMMAR_FOR.java,
  lower: lower2,
  resolveModule: resolveJavaModule,
  mutators: /* @__PURE__ */ new Set(["add", "addAll", "put", "putAll", "append", "insert", "push", "offer", "addElement", "set", "setProperty", "write", "print", "println", "addFirst", "addLast"]),
  elementCallbacks: /* @__PURE__ */ new Set(["forEach", "map", "filter", "flatMap", "ifPresent", "thenApply", "thenAccept", "computeIfAbsent"]),
  stringMethods: /* @__PURE__ */ new Set([
    "toString",
    "toLowerCase",
    "toUpperCase",
    "trim",
    "strip",
    "stripLeading",
    "stripTrailing",
    "substring",
    "subSequence",
    "replace",
    "replaceAll",
    "replaceFirst",
    "concat",
    "intern",
    "repeat",
    "formatted",
    "valueOf",
    "join",
    "getBytes",
    "toCharArray",
    "split",
    "charAt",
    "chars",
    "translateEscapes"
  ]),
  cleanMembers: /* @__PURE__ */ new Set(["length", "size"]),
  lookups: /^(?:get|getOrDefault|find\w*|lookup\w*|load\w*|read\w*|select\w*|count\w*|exists\w*|query\w*|contains\w*)$/
};
var CLEANING = /* @__PURE__ */ new Set(["e", "escape", "forceescape", "urlencode", "url_encode", "tojson", "json_encode", "int", "float", "abs", "round", "length", "count", "wordcount", "filesizeformat", "number_format", "date", "md5", "sha1", "xmlattr"]);
var NOT_DATA = /* @__PURE__ */ new Set(["and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "null", "True", "False", "None", "loop", "self", "super", "caller", "varargs", "kwargs", "range", "dict", "lipsum", "cycler", "joiner", "namespace", "url_for", "get_flashed_messages", "config", "request", "session", "g", "_self", "app", "path", "url", "asset", "csrf_token", "constant", "attribute", "block", "parent", "include", "source", "matches", "starts", "ends", "with", "defined"]);
function splitFilters(expr) {
  const parts2 = [];
  let depth = 0;
  let quote = "";
  let start2 = 0;
  for (let i2 = 0; i2 < expr.length; i2++) {
    const c = expr[i2];
    if (quote) {
      if (c === "\\") i2++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "|" && depth === 0 && expr[i2 + 1] !== "|") {
      parts2.push(expr.slice(start2, i2));
      start2 = i2 + 1;
    }
  }
  parts2.push(expr.slice(start2));
  return parts2.map((p) => p.trim());
}
function dataNames(expr) {
  const bare = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const names2 = /* @__PURE__ */ new Set();
  for (const m of bare.matchAll(/(?<![\w.])([A-Za-z_]\w*)(?!\s*\()/g)) {
    if (!NOT_DATA.has(m[1])) names2.add(m[1]);
  }
  return [...names2];
}
function isRaw(filters, dialect, autoescape) {
  let marked = false;
  for (const filter of filters) {
    const name3 = /^(\w+)/.exec(filter)?.[1] ?? "";
    if (CLEANING.has(name3)) return false;
    if (name3 === dialect.raw) marked = true;
  }
  return marked || !autoescape;
}
function autoescapeOf(args22, fallback) {
  const value = args22.trim();
  if (!value || /^(?:true|on)$/i.test(value)) return true;
  if (/^(?:false|off)$/i.test(value)) return false;
  return /^['"]\w+['"]$/.test(value) ? true : fallback;
}
function resolve(name3, blocks, upto = blocks.length) {
  for (let i2 = upto - 1; i2 >= 0; i2--) {
    const alias = blocks[i2].aliases?.get(name3);
    if (alias) return alias.flatMap((n) => resolve(n, blocks, i2));
  }
  return [name3];
}
function statement(body3, blocks, dialect, globals) {
  const m = /^(\w+)\s*([\s\S]*)$/.exec(body3.trim());
  if (!m) return void 0;
  const [, tag, args22] = m;
  if (tag === "raw" || tag === "verbatim") return "raw";
  if (tag === "autoescape") blocks.push({ tag, autoescape: autoescapeOf(args22, dialect.autoescape) });
  else if (tag === "for") {
    const loop2 = /^([\w\s,]+?)\s+in\s+([\s\S]+?)(?:\s+if\s[\s\S]*|\s+recursive)?$/.exec(args22);
    const names2 = loop2 ? loop2[1].split(",").map((n) => n.trim()).filter(Boolean) : [];
    const from = loop2 ? dataNames(loop2[2]) : [];
    blocks.push({ tag, aliases: new Map(names2.map((n) => [n, from])) });
  } else if (tag === "set" || tag === "with") {
    const set = /^(\w+)\s*=\s*([\s\S]+)$/.exec(args22);
    if (tag === "with") blocks.push({ tag, aliases: set ? /* @__PURE__ */ new Map([[set[1], dataNames(set[2])]]) : void 0 });
    else if (set) (blocks.at(-1).aliases ?? globals).set(set[1], dataNames(set[2]));
    else blocks.push({ tag });
  } else if (/^(?:if|macro|block|filter|call|embed|apply|sandbox|spaceless)$/.test(tag)) blocks.push({ tag });
  else if (/^end\w+$/.test(tag)) {
    const open = tag.slice(3);
    const at = blocks.map((b) => b.tag).lastIndexOf(open);
    if (at >= 0) blocks.splice(at);
  }
  return void 0;
}
function rawOutputs(source, dialect) {
  const text2 = source.text;
  const out2 = [];
  const globals = /* @__PURE__ */ new Map();
  const blocks = [{ tag: "template", aliases: globals }];
  const tag = /\{([{%#])-?/g;
  for (let m = tag.exec(text2); m; m = tag.exec(text2)) {
    const close = { "{": "}}", "%": "%}", "#": "#}" }[m[1]];
    const end = text2.indexOf(close, tag.lastIndex);
    if (end < 0) break;
    const body3 = text2.slice(tag.lastIndex, end).replace(/-$/, "");
    tag.lastIndex = end + 2;
    if (m[1] === "#") continue;
    if (m[1] === "%") {
      if (statement(body3, blocks, dialect, globals) === "raw") {
        const stop2 = /\{%-?\s*end(?:raw|verbatim)\s*-?%\}/g;
        stop2.lastIndex = tag.lastIndex;
        const found = stop2.exec(text2);
        tag.lastIndex = found ? stop2.lastIndex : text2.length;
      }
      continue;
    }
    const [expr, ...filters] = splitFilters(body3);
    const autoescape = [...blocks].reverse().find((b) => b.autoescape !== void 0)?.autoescape ?? dialect.autoescape;
    if (!expr || !isRaw(filters, dialect, autoescape)) continue;
    const span = source.span(m.index, end + 2);
    const via = text2.slice(m.index, end + 2).replace(/\s+/g, " ");
    for (const name3 of dataNames(expr).flatMap((n) => resolve(n, blocks))) out2.push({ name: name3, span, via });
  }
  return out2;
}
function dialectOf(file) {
  if (TWIG.test(file)) return { raw: "raw", autoescape: !/\.txt\.twig$/i.test(file) };
  return { raw: "safe", autoescape: /\.(?:html?|xml|xhtml|svg)$/i.test(file) };
}
function lex(source, file) {
  return { file, language: "jinja", body: [], functions: [], imports: [], exports: [], rawOutputs: rawOutputs(source, dialectOf(file)) };
}
var jinja = {
  id: "jinja",
  ...TEMPLATE_BASE,
  snippetFile: "templates/snippet.html",
  grammarFor: GRAMMAR_FOR.jinja,
  lower: (_root, source, file) => lex(source, file),
  lex
};
var OPENERS = [
  ["<%--", "--%>", "skip"],
  ["<%@", "%>", "skip"],
  ["<%!", "%>", "code"],
  ["<%=", "%>", "expr"],
  ["<%", "%>", "code"],
  ["<jsp:scriptlet>", "</jsp:scriptlet>", "code"],
  ["<jsp:declaration>", "</jsp:declaration>", "code"],
  ["<jsp:expression>", "</jsp:expression>", "expr"]
];
function mask(text2) {
  const out2 = text2.replace(/[^\n\r]/g, " ").split("");
  const parts2 = [];
  let i2 = text2.indexOf("<");
  while (i2 >= 0 && i2 < text2.length) {
    const opener = OPENERS.find(([open2]) => text2.startsWith(open2, i2));
    if (!opener) {
      i2 = text2.indexOf("<", i2 + 1);
      continue;
    }
    const [open, close, kind] = opener;
    const found = text2.indexOf(close, i2 + open.length);
    const end = found < 0 ? text2.length : found;
    if (kind !== "skip") {
      for (let k = i2 + open.length; k < end; k++) out2[k] = text2[k];
      if (kind === "expr") {
        out2.splice(i2, 3, "_", "o", "(");
        if (found >= 0) out2.splice(end, 2, ")", ";");
      }
      parts2.push({ start: i2, end: Math.min(text2.length, end + close.length) });
    }
    i2 = found < 0 ? -1 : text2.indexOf("<", end + close.length);
  }
  return { java: out2.join(""), parts: parts2 };
}
function inTemplate(parts2, at) {
  let lo = 0;
  let hi = parts2.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const part = parts2[mid];
    if (at < part.start) hi = mid - 1;
    else if (at >= part.end) lo = mid + 1;
    else return false;
  }
  return true;
}
var IMPLICIT = { param: "getParameter", paramValues: "getParameterValues", header: "getHeader", headerValues: "getHeaders", cookie: "getCookies" };
var SCOPES = /^(?:requestScope|sessionScope|applicationScope|pageScope)$/;
var KEYWORDS = /^(?:empty|not|and|or|eq|ne|lt|gt|le|ge|div|mod|true|false|null|instanceof|initParam|pageContext)$/;
function elEnd(text2, start2) {
  let quote = "";
  for (let i2 = start2 + 2; i2 < text2.length; i2++) {
    const c = text2[i2];
    if (quote) {
      if (c === "\\") i2++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "}") return i2;
  }
  return -1;
}
function readEl(expr) {
  const escaped = /^\s*fn:escapeXml\s*\(/.test(expr);
  const inputs = [];
  const names2 = /* @__PURE__ */ new Set();
  const re = /(?<![\w.:'"])([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*)|\s*\[\s*(['"])(.*?)\3\s*\])?/g;
  for (const m of expr.replace(/(['"])(?:(?!\1)[^\\]|\\.)*\1(?!\s*\])/g, '""').matchAll(re)) {
    const [, head, prop, , key] = m;
    const field = prop ?? key;
    if (IMPLICIT[head]) inputs.push({ method: IMPLICIT[head], key: head === "cookie" ? void 0 : field });
    else if (head === "pageContext" && /\brequest\s*\.\s*queryString\b/.test(m.input.slice(m.index))) inputs.push({ method: "getQueryString", key: void 0 });
    else if (head === "pageContext" && /\brequest\s*\.\s*requestURI\b/.test(m.input.slice(m.index))) inputs.push({ method: "getRequestURI", key: void 0 });
    else if (SCOPES.test(head) && field) names2.add(field);
    else if (!KEYWORDS.test(head) && !/^\s*:/.test(m.input.slice(m.index + head.length))) names2.add(head);
  }
  return { inputs, names: [...names2], escaped };
}
function enclosingTag(text2, at) {
  const lt = text2.lastIndexOf("<", at);
  if (lt < 0 || text2.lastIndexOf(">", at) > lt) return void 0;
  const gt = text2.indexOf(">", at);
  return text2.slice(lt, gt < 0 ? text2.length : gt + 1);
}
function roleIn(tag, at, text2) {
  if (!tag) return { kind: "print" };
  const name3 = /^<\s*([\w:-]+)/.exec(tag)?.[1] ?? "";
  if (!name3.includes(":")) return { kind: "print" };
  const attr = /([\w-]+)\s*=\s*["'][^"']*$/.exec(text2.slice(text2.lastIndexOf("<", at), at))?.[1];
  if (/^c:out$/i.test(name3)) return attr === "value" && /escapeXml\s*=\s*["']\s*false\s*["']/i.test(tag) ? { kind: "print" } : { kind: "none" };
  const bound = /\bvar\s*=\s*["'](\w+)["']/.exec(tag)?.[1];
  if (bound && (/^c:set$/i.test(name3) && attr === "value" || /^c:forEach$/i.test(name3) && attr === "items")) return { kind: "bind", name: bound };
  return { kind: "none" };
}
function elUses(text2, parts2) {
  const out2 = [];
  for (let i2 = text2.search(/[$#]\{/); i2 >= 0; ) {
    const end = elEnd(text2, i2);
    if (end < 0) break;
    if (inTemplate(parts2, i2) && text2[i2 - 1] !== "\\") {
      const { inputs, names: names2, escaped } = readEl(text2.slice(i2 + 2, end));
      const role = roleIn(enclosingTag(text2, i2), i2, text2);
      if (!escaped) out2.push({ start: i2, end: end + 1, inputs, names: names2, role });
      else if (role.kind === "bind") out2.push({ start: i2, end: end + 1, inputs: [], names: [], role });
    }
    const next = text2.slice(end + 1).search(/[$#]\{/);
    i2 = next < 0 ? -1 : end + 1 + next;
  }
  return out2;
}
var IMPLICIT_ROLES = [
  ["request", "$req"],
  ["response", "$res"],
  ["out", "$out"]
];
function pageImports(ctx, text2) {
  for (const m of text2.matchAll(/<%@\s*page\b[^%]*?\bimport\s*=\s*"([^"]*)"/g)) {
    for (const name3 of m[1].split(",").map((s) => s.trim())) {
      if (name3 && !name3.endsWith("*")) ctx.imported.set(name3.split(".").pop(), name3);
    }
  }
}
function input(span, use) {
  const callee = { kind: "member", span, object: { kind: "module", span, module: "$req" }, property: use.method };
  return { kind: "call", span, callee, args: use.key === void 0 ? [] : [{ kind: "literal", span, value: use.key }] };
}
function elStatement(source, use) {
  const span = source.span(use.start, use.end);
  const parts2 = [...use.inputs.map((i2) => input(span, i2)), ...use.names.map((name3) => ({ kind: "name", span, name: name3 }))];
  const value = parts2.length === 1 ? parts2[0] : { kind: "union", span, parts: parts2 };
  if (use.role.kind === "bind") return { kind: "assign", span, target: { kind: "name", span, name: use.role.name }, value };
  if (use.role.kind !== "print" || !parts2.length) return void 0;
  const callee = { kind: "name", span: source.span(use.start, use.start + 2), name: "_el" };
  return { kind: "expr", span, expr: { kind: "call", span, callee, args: [value] } };
}
function attributeOutputs(source, uses, expressions) {
  const bound = new Set(uses.flatMap((u) => u.role.kind === "bind" ? [u.role.name] : []));
  const out2 = [];
  for (const use of uses) {
    if (use.role.kind !== "print") continue;
    const via = source.text.slice(use.start, use.end);
    for (const name3 of use.names) if (!bound.has(name3)) out2.push({ name: name3, span: source.span(use.start, use.end), via });
  }
  for (const e of expressions) {
    const text2 = source.text.slice(e.start, e.end);
    const m = /^<%=\s*request\s*\.\s*getAttribute\s*\(\s*"([^"]+)"\s*\)\s*%>$/.exec(text2);
    if (m) out2.push({ name: m[1], span: source.span(e.start, e.end), via: text2 });
  }
  return out2;
}
function lower3(root, source, file) {
  const { java: masked, parts: parts2 } = mask(source.text);
  const ctx = new JavaContext(new SourceText(masked), file);
  pageImports(ctx, source.text);
  for (const [name3, role] of IMPLICIT_ROLES) ctx.fieldRoles.set(name3, role);
  ctx.method = { locals: declaredNames(ctx, root), types: /* @__PURE__ */ new Map(), constants: /* @__PURE__ */ new Map(), reassigned: assignedNames(ctx, root), collections: /* @__PURE__ */ new Map(), depth: 0 };
  const placed = [];
  for (const child of namedChildren(root)) {
    if (child.type === "method_declaration") placed.push({ at: child.start, stmts: [{ kind: "function", span: ctx.span(child), fn: lowerMethod(ctx, child, void 0) }] });
    else placed.push({ at: child.start, stmts: lowerStatement(ctx, child) });
  }
  const uses = elUses(source.text, parts2);
  for (const use of uses) {
    const stmt = elStatement(source, use);
    if (stmt) placed.push({ at: use.start, stmts: [stmt] });
  }
  const body3 = placed.sort((a, b) => a.at - b.at).flatMap((p) => p.stmts);
  const expressions = parts2.filter((p) => source.text.startsWith("<%=", p.start));
  return { file, language: "java", body: body3, functions: ctx.functions, imports: ctx.imports, exports: [], rawOutputs: attributeOutputs(source, uses, expressions) };
}
var jsp = {
  ...java,
  snippetFile: "src/main/webapp/snippet.jsp",
  grammarFor: GRAMMAR_FOR.jsp,
  preprocess: (text2) => mask(text2).java,
  lower: lower3
};
var LowerContext = class extends BaseLowerContext {
};
function stringValue2(ctx, node) {
  const text2 = ctx.text(node);
  return text2.length >= 2 ? text2.slice(1, -1) : text2;
}
function typeName(ctx, annotation) {
  if (!annotation) return void 0;
  const text2 = ctx.text(annotation).replace(/^:\s*/, "");
  return text2.replace(/<[\s\S]*$/, "").trim() || void 0;
}
var ROUTE_METHODS = /^(?:get|post|put|patch|delete|del|all|use|options|head|any|handle|route)$/;
var ROUTERS = /(?:^|[.\s])(?:app|router|server|api|routes?|fastify|koa|express|instance|\w*(?:Router|router|App|Api|Server))$/;
var TYPE_ROLES2 = [
  [/^(?:express\.)?Request$|^NextApiRequest$|^NextRequest$|^FastifyRequest$|^IncomingMessage$|^(?:Hapi\.)?Request$/, "$req"],
  [/^(?:express\.)?Response$|^NextApiResponse$|^ServerResponse$/, "$res"],
  [/^FastifyReply$|^ResponseToolkit$|^(?:Hapi\.)?ResponseToolkit$/, "$reply"],
  [/^(?:Koa\.)?(?:Parameterized)?Context$|^RouterContext$|^(?:Koa\.)?DefaultContext$/, "$ctx"]
];
var DECORATED_SOURCES = {
  Query: { kind: "http.query", label: "query parameter" },
  QueryParam: { kind: "http.query", label: "query parameter" },
  QueryParams: { kind: "http.query", label: "query parameters" },
  Param: { kind: "http.params", label: "path parameter" },
  Params: { kind: "http.params", label: "path parameters" },
  Body: { kind: "http.body", label: "request body" },
  BodyParam: { kind: "http.body", label: "request body field" },
  Headers: { kind: "http.headers", label: "request header" },
  HeaderParam: { kind: "http.headers", label: "request header" },
  Cookies: { kind: "http.cookies", label: "cookie" },
  CookieParam: { kind: "http.cookies", label: "cookie" }
};
var DECORATED_ROLES = { Req: "$req", Request: "$req", Res: "$res", Response: "$res" };
function decoratedParam(name3, arg) {
  const role = DECORATED_ROLES[name3];
  if (role) return { ref: role };
  const source = DECORATED_SOURCES[name3];
  if (!source) return void 0;
  return { source: { kind: source.kind, label: arg ? `${source.label} \`${arg}\`` : source.label } };
}
function isRouteRegistration(callee) {
  const dot = callee.lastIndexOf(".");
  if (dot < 0 || !ROUTE_METHODS.test(callee.slice(dot + 1))) return false;
  const receiver = callee.slice(0, dot).trim();
  return ROUTERS.test(receiver) || /\.route\([^)]*\)$/.test(receiver);
}
function roleOfType2(type) {
  if (!type) return void 0;
  return TYPE_ROLES2.find(([pattern2]) => pattern2.test(type))?.[1];
}
function assignRolesByName(params) {
  const first = params[0];
  if (!first || params.some((p) => p.ref)) return fillResponse(params);
  if (first.name === "req" || first.name === "request" && params.length >= 2) first.ref = "$req";
  else if ((first.name === "ctx" || first.name === "context") && params[1]?.name === "next") first.ref = "$ctx";
  fillResponse(params);
}
function fillResponse(params) {
  const request = params.findIndex((p) => p.ref === "$req");
  const next = params[request + 1];
  if (request < 0 || !next || next.ref) return;
  if (next.name === "res" || next.name === "resp" || next.name === "response") next.ref = "$res";
  else if (next.name === "reply" || next.name === "h") next.ref = "$reply";
}
function markHandler(fn, registration) {
  fn.handler = registration;
  const params = fn.params.filter((p) => !p.rest);
  if (params.some((p) => p.ref)) return;
  const offset = params.length === 4 && registration.endsWith(".use") ? 1 : 0;
  const first = params[offset];
  if (!first) return;
  first.ref = first.name === "ctx" || first.name === "context" ? "$ctx" : "$req";
  const second = params[offset + 1];
  if (first.ref === "$req" && second && !second.ref) second.ref = second.name === "reply" || second.name === "h" ? "$reply" : "$res";
}
function objectPattern(ctx, node) {
  const props = [];
  let rest;
  for (const child of namedChildren(node)) {
    if (child.type === "shorthand_property_identifier_pattern") {
      props.push({ key: ctx.text(child), value: { kind: "name", span: ctx.span(child), name: ctx.text(child) } });
    } else if (child.type === "object_assignment_pattern") {
      const left = fieldOf(child, "left");
      const right = fieldOf(child, "right");
      if (left) props.push({ key: ctx.text(left), value: lowerPattern(ctx, left), fallback: right ? lowerExpr2(ctx, right) : void 0 });
    } else if (child.type === "pair_pattern") {
      const key = fieldOf(child, "key");
      const value = fieldOf(child, "value");
      if (!key || !value) continue;
      const name3 = key.type === "string" ? stringValue2(ctx, key) : key.type === "computed_property_name" ? void 0 : ctx.text(key);
      const fallback = value.type === "assignment_pattern" ? fieldOf(value, "right") : void 0;
      props.push({ key: name3, value: lowerPattern(ctx, value), fallback: fallback ? lowerExpr2(ctx, fallback) : void 0 });
    } else if (child.type === "rest_pattern") {
      rest = lowerPattern(ctx, firstNamed(child) ?? child);
    }
  }
  return { kind: "object", span: ctx.span(node), props, rest };
}
function arrayPattern(ctx, node) {
  const items = [];
  let rest;
  for (const child of namedChildren(node)) {
    if (child.type === "rest_pattern") rest = lowerPattern(ctx, firstNamed(child) ?? child);
    else items.push(lowerPattern(ctx, child));
  }
  return { kind: "array", span: ctx.span(node), items, rest };
}
function lowerPattern(ctx, node) {
  const span = ctx.span(node);
  switch (node.type) {
    case "identifier":
    case "shorthand_property_identifier_pattern":
      return { kind: "name", span, name: ctx.text(node) };
    case "member_expression":
    case "subscript_expression": {
      const lowered = lowerExpr2(ctx, node);
      if (lowered.kind === "member") return { kind: "member", span, object: lowered.object, property: lowered.property };
      return { kind: "none", span };
    }
    case "object_pattern":
      return objectPattern(ctx, node);
    case "array_pattern":
      return arrayPattern(ctx, node);
    case "assignment_pattern":
    case "object_assignment_pattern": {
      const left = fieldOf(node, "left");
      return left ? lowerPattern(ctx, left) : { kind: "none", span };
    }
    case "parenthesized_expression":
    case "non_null_expression":
    case "as_expression":
    case "rest_pattern": {
      const inner = firstNamed(node);
      return inner ? lowerPattern(ctx, inner) : { kind: "none", span };
    }
    default:
      return { kind: "none", span };
  }
}
function lowerParam(ctx, node) {
  let target = node;
  let type;
  let fallback;
  let rest = false;
  if (node.type === "required_parameter" || node.type === "optional_parameter") {
    target = fieldOf(node, "pattern") ?? node;
    type = typeName(ctx, fieldOf(node, "type"));
    fallback = fieldOf(node, "value");
  }
  if (target.type === "assignment_pattern") {
    fallback = fieldOf(target, "right");
    target = fieldOf(target, "left") ?? target;
  }
  if (target.type === "rest_pattern") {
    rest = true;
    target = firstNamed(target) ?? target;
  }
  if (target.type === "this") return void 0;
  const pattern2 = lowerPattern(ctx, target);
  const decorated = decoratorOf(ctx, node);
  return {
    pattern: pattern2,
    name: pattern2.kind === "name" ? pattern2.name : void 0,
    ref: decorated?.ref ?? roleOfType2(type),
    source: decorated?.source,
    fallback: fallback ? lowerExpr2(ctx, fallback) : void 0,
    rest
  };
}
function decoratorOf(ctx, param2) {
  for (const decorator of param2.children.filter((c) => c.type === "decorator")) {
    const call3 = firstNamed(decorator);
    const fn = call3?.type === "call_expression" ? fieldOf(call3, "function") : void 0;
    if (!call3 || fn?.type !== "identifier") continue;
    const first = namedChildren(fieldOf(call3, "arguments") ?? call3)[0];
    const found = decoratedParam(ctx.text(fn), first?.type === "string" ? stringValue2(ctx, first) : void 0);
    if (found) return found;
  }
  return void 0;
}
function paramsOf(ctx, node) {
  const single = fieldOf(node, "parameter");
  if (single) return [{ pattern: lowerPattern(ctx, single), name: ctx.text(single) }];
  const list = fieldOf(node, "parameters");
  if (!list) return [];
  return namedChildren(list).map((param2) => lowerParam(ctx, param2)).filter((p) => p !== void 0);
}
function lowerFunction(ctx, node, hint) {
  const name3 = fieldOf(node, "name");
  const fn = { id: ctx.id(), name: name3 ? ctx.text(name3) : hint.name, span: ctx.span(node), params: paramsOf(ctx, node), body: [] };
  ctx.functions.push(fn);
  assignRolesByName(fn.params);
  if (hint.property === "handler") markHandler(fn, "handler");
  const body3 = fieldOf(node, "body");
  if (body3?.type === "statement_block") fn.body = lowerBlock2(ctx, body3);
  else if (body3) fn.body = [{ kind: "return", span: ctx.span(body3), value: lowerExpr2(ctx, body3) }];
  return fn;
}
var FUNCTIONS = /* @__PURE__ */ new Set(["arrow_function", "function_expression", "function", "generator_function"]);
var TRANSPARENT = /* @__PURE__ */ new Set(["parenthesized_expression", "await_expression", "as_expression", "satisfies_expression", "non_null_expression", "spread_element"]);
var UNION_OPERATORS = /* @__PURE__ */ new Set(["||", "??", "&&"]);
var EQUALITY = /* @__PURE__ */ new Set(["===", "==", "!==", "!="]);
function literal2(ctx, node, value) {
  return { kind: "literal", span: ctx.span(node), value };
}
function template(ctx, node) {
  const parts2 = [];
  let cursor = node.start + 1;
  for (const child of node.children) {
    if (child.type !== "template_substitution") continue;
    if (child.start > cursor) parts2.push({ kind: "literal", span: ctx.src.span(cursor, child.start), value: ctx.src.text.slice(cursor, child.start) });
    const inner = firstNamed(child);
    if (inner) parts2.push(lowerExpr2(ctx, inner));
    cursor = child.end;
  }
  if (!parts2.length) return literal2(ctx, node, stringValue2(ctx, node));
  if (node.end - 1 > cursor) parts2.push({ kind: "literal", span: ctx.src.span(cursor, node.end - 1), value: ctx.src.text.slice(cursor, node.end - 1) });
  return { kind: "concat", span: ctx.span(node), parts: parts2 };
}
function member(ctx, node) {
  const object3 = fieldOf(node, "object");
  const property = fieldOf(node, "property");
  return { kind: "member", span: ctx.span(node), object: object3 ? lowerExpr2(ctx, object3) : ctx.opaque(node), property: property ? ctx.text(property) : void 0 };
}
function subscript(ctx, node) {
  const object3 = fieldOf(node, "object");
  const index = fieldOf(node, "index") ?? namedChildren(node)[1];
  const base2 = object3 ? lowerExpr2(ctx, object3) : ctx.opaque(node);
  if (index && (index.type === "string" || index.type === "number")) return { kind: "member", span: ctx.span(node), object: base2, property: index.type === "string" ? stringValue2(ctx, index) : ctx.text(index) };
  return { kind: "member", span: ctx.span(node), object: base2, property: void 0, index: index ? lowerExpr2(ctx, index) : void 0 };
}
function argumentsOf(ctx, node) {
  if (!node) return [];
  if (node.type === "template_string") return [template(ctx, node)];
  return namedChildren(node).map((arg) => lowerExpr2(ctx, arg));
}
function call(ctx, node) {
  const fn = fieldOf(node, "function");
  const args22 = fieldOf(node, "arguments");
  const first = args22 ? namedChildren(args22)[0] : void 0;
  if (fn && (fn.type === "identifier" && ctx.text(fn) === "require" || fn.type === "import") && first?.type === "string") {
    return { kind: "module", span: ctx.span(node), module: stringValue2(ctx, first) };
  }
  const lowered = argumentsOf(ctx, args22);
  if (fn && isRouteRegistration(ctx.text(fn))) {
    for (const arg of lowered) if (arg.kind === "function") markHandler(arg.fn, ctx.text(fn));
  }
  return { kind: "call", span: ctx.span(node), callee: fn ? lowerExpr2(ctx, fn) : ctx.opaque(node), args: lowered };
}
function construct(ctx, node) {
  const ctor = fieldOf(node, "constructor");
  return { kind: "call", span: ctx.span(node), callee: ctor ? lowerExpr2(ctx, ctor) : ctx.opaque(node), args: argumentsOf(ctx, fieldOf(node, "arguments")), construct: true };
}
function typeTest(ctx, node, left, right, operator) {
  const [test, type] = left.type === "unary_expression" ? [left, right] : [right, left];
  if (test.type !== "unary_expression" || type.type !== "string" || ctx.text(test).slice(0, 6) !== "typeof") return void 0;
  const subject = fieldOf(test, "argument") ?? namedChildren(test)[0];
  if (!subject) return void 0;
  return { kind: "is-type", span: ctx.span(node), subject: lowerExpr2(ctx, subject), type: stringValue2(ctx, type), negated: operator.startsWith("!") };
}
function binary3(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  const operator = fieldOf(node, "operator");
  if (!left || !right || !operator) return ctx.opaque(node);
  const op = ctx.text(operator);
  if (EQUALITY.has(op)) {
    const test = typeTest(ctx, node, left, right, op);
    if (test) return test;
  }
  const parts2 = [lowerExpr2(ctx, left), lowerExpr2(ctx, right)];
  if (op === "+") return { kind: "concat", span: ctx.span(node), parts: parts2.flatMap((p) => p.kind === "concat" ? p.parts : [p]) };
  if (UNION_OPERATORS.has(op)) return { kind: "union", span: ctx.span(node), parts: parts2 };
  return { kind: "opaque", span: ctx.span(node), parts: parts2 };
}
function unary(ctx, node) {
  const argument = fieldOf(node, "argument") ?? namedChildren(node)[0];
  const inner = argument ? lowerExpr2(ctx, argument) : void 0;
  if (inner?.kind === "is-type" && ctx.text(node).startsWith("!")) return { ...inner, span: ctx.span(node), negated: !inner.negated };
  return ctx.opaque(node, inner ? [inner] : []);
}
function assignment2(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  if (!left || !right) return ctx.opaque(node);
  const op = fieldOf(node, "operator");
  const value = lowerExpr2(ctx, right);
  const target = lowerPattern(ctx, left);
  if (node.type === "assignment_expression") return { kind: "assign", span: ctx.span(node), target, value };
  const text2 = op ? ctx.text(op) : "";
  if (text2 === "+=" || text2 === "||=" || text2 === "??=") return { kind: "assign", span: ctx.span(node), target, value, append: true };
  return { kind: "assign", span: ctx.span(node), target, value: ctx.opaque(node, [value]) };
}
function entry(ctx, child) {
  const span = ctx.span(child);
  if (child.type === "shorthand_property_identifier") return { key: ctx.text(child), value: { kind: "name", span, name: ctx.text(child) }, span };
  if (child.type === "spread_element") return { key: void 0, value: lowerExpr2(ctx, firstNamed(child) ?? child), spread: true, span };
  if (child.type === "method_definition") {
    const name4 = fieldOf(child, "name");
    return { key: name4 ? ctx.text(name4) : void 0, value: { kind: "function", span, fn: lowerFunction(ctx, child, {}) }, span };
  }
  if (child.type !== "pair") return void 0;
  const key = fieldOf(child, "key");
  const value = fieldOf(child, "value");
  if (!key || !value) return void 0;
  const name3 = key.type === "string" ? stringValue2(ctx, key) : key.type === "computed_property_name" ? void 0 : ctx.text(key);
  const lowered = FUNCTIONS.has(value.type) ? { kind: "function", span: ctx.span(value), fn: lowerFunction(ctx, value, { name: name3, property: name3 }) } : lowerExpr2(ctx, value);
  return { key: name3, value: lowered, span };
}
function object(ctx, node) {
  const entries = node.children.map((child) => entry(ctx, child)).filter((e) => e !== void 0);
  return { kind: "object", span: ctx.span(node), entries };
}
function jsx(ctx, node) {
  const parts2 = [];
  const visit = (n) => {
    for (const child of n.children) {
      if (child.type === "jsx_expression") {
        const inner = firstNamed(child);
        if (inner) parts2.push(lowerExpr2(ctx, inner));
      } else visit(child);
    }
  };
  visit(node);
  return ctx.opaque(node, parts2);
}
var LOWER2 = {
  identifier: (ctx, n) => ({ kind: "name", span: ctx.span(n), name: ctx.text(n) }),
  shorthand_property_identifier: (ctx, n) => ({ kind: "name", span: ctx.span(n), name: ctx.text(n) }),
  this: (ctx, n) => ({ kind: "name", span: ctx.span(n), name: "this" }),
  super: (ctx, n) => ({ kind: "name", span: ctx.span(n), name: "super" }),
  undefined: (ctx, n) => literal2(ctx, n, null),
  null: (ctx, n) => literal2(ctx, n, null),
  true: (ctx, n) => literal2(ctx, n, true),
  false: (ctx, n) => literal2(ctx, n, false),
  number: (ctx, n) => literal2(ctx, n, Number(ctx.text(n))),
  regex: (ctx, n) => literal2(ctx, n, ctx.text(n)),
  string: (ctx, n) => literal2(ctx, n, stringValue2(ctx, n)),
  template_string: template,
  member_expression: member,
  subscript_expression: subscript,
  call_expression: call,
  new_expression: construct,
  binary_expression: binary3,
  unary_expression: unary,
  update_expression: (ctx, n) => ctx.opaque(n, namedChildren(n).map((c) => lowerExpr2(ctx, c))),
  ternary_expression: (ctx, n) => {
    const [test, then, other] = [fieldOf(n, "condition"), fieldOf(n, "consequence"), fieldOf(n, "alternative")];
    if (!test || !then || !other) return ctx.opaque(n);
    return { kind: "cond", span: ctx.span(n), test: lowerExpr2(ctx, test), then: lowerExpr2(ctx, then), else: lowerExpr2(ctx, other) };
  },
  assignment_expression: assignment2,
  augmented_assignment_expression: assignment2,
  object,
  array: (ctx, n) => ({ kind: "array", span: ctx.span(n), items: namedChildren(n).map((c) => lowerExpr2(ctx, c)) }),
  sequence_expression: (ctx, n) => ({ kind: "union", span: ctx.span(n), parts: namedChildren(n).map((c) => lowerExpr2(ctx, c)) }),
  type_assertion: (ctx, n) => {
    const inner = namedChildren(n).at(-1);
    return inner ? lowerExpr2(ctx, inner) : ctx.opaque(n);
  },
  jsx_element: jsx,
  jsx_self_closing_element: jsx,
  jsx_fragment: jsx
};
function lowerExpr2(ctx, node) {
  if (TRANSPARENT.has(node.type)) {
    const inner = firstNamed(node);
    return inner ? lowerExpr2(ctx, inner) : ctx.opaque(node);
  }
  if (FUNCTIONS.has(node.type)) return { kind: "function", span: ctx.span(node), fn: lowerFunction(ctx, node, {}) };
  const lower7 = LOWER2[node.type];
  if (lower7) return lower7(ctx, node);
  return ctx.opaque(node, namedChildren(node).map((child) => lowerExpr2(ctx, child)));
}
var FUNCTION_VALUES = /* @__PURE__ */ new Set(["arrow_function", "function_expression", "function", "generator_function"]);
var SKIPPED2 = /* @__PURE__ */ new Set([
  "empty_statement",
  "break_statement",
  "continue_statement",
  "debugger_statement",
  "interface_declaration",
  "type_alias_declaration",
  "ambient_declaration",
  "abstract_method_signature",
  "method_signature",
  "index_signature",
  "hash_bang_line",
  "comment"
]);
function lowerValue(ctx, node, name3) {
  if (FUNCTION_VALUES.has(node.type)) return { kind: "function", span: ctx.span(node), fn: lowerFunction(ctx, node, { name: name3 }) };
  return lowerExpr2(ctx, node);
}
function declaration2(ctx, node) {
  return node.children.filter((c) => c.type === "variable_declarator").flatMap((declarator) => {
    const name3 = fieldOf(declarator, "name");
    const value = fieldOf(declarator, "value");
    if (!name3) return [];
    const target = lowerPattern(ctx, name3);
    return [{ kind: "assign", span: ctx.span(declarator), target, value: value ? lowerValue(ctx, value, target.kind === "name" ? target.name : void 0) : void 0 }];
  });
}
function body2(ctx, node) {
  if (!node) return [];
  return node.type === "statement_block" ? lowerBlock2(ctx, node) : lowerStatement2(ctx, node);
}
function ifStatement2(ctx, node) {
  const test = fieldOf(node, "condition");
  const alternative = fieldOf(node, "alternative");
  const otherwise = alternative?.type === "else_clause" ? firstNamed(alternative) : alternative;
  return [{ kind: "if", span: ctx.span(node), test: test ? lowerExpr2(ctx, test) : ctx.opaque(node), then: body2(ctx, fieldOf(node, "consequence")), else: body2(ctx, otherwise) }];
}
function forStatement2(ctx, node) {
  const init2 = fieldOf(node, "initializer");
  const test = fieldOf(node, "condition");
  const update = fieldOf(node, "increment");
  const loopBody = body2(ctx, fieldOf(node, "body"));
  if (update) loopBody.push({ kind: "expr", span: ctx.span(update), expr: lowerExpr2(ctx, update) });
  return [{ kind: "loop", span: ctx.span(node), head: init2 ? lowerStatement2(ctx, init2) : [], test: test && test.type !== "empty_statement" ? lowerExpr2(ctx, test) : void 0, body: loopBody }];
}
function forIn(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  const each = left && right ? { target: lowerPattern(ctx, left), iterable: lowerExpr2(ctx, right) } : void 0;
  return [{ kind: "loop", span: ctx.span(node), head: [], body: body2(ctx, fieldOf(node, "body")), each }];
}
function whileStatement2(ctx, node) {
  const test = fieldOf(node, "condition");
  return [{ kind: "loop", span: ctx.span(node), head: [], test: test ? lowerExpr2(ctx, test) : void 0, body: body2(ctx, fieldOf(node, "body")) }];
}
function tryStatement2(ctx, node) {
  const handler = fieldOf(node, "handler");
  const finalizer6 = fieldOf(node, "finalizer");
  const param2 = handler ? fieldOf(handler, "parameter") : void 0;
  return [{
    kind: "try",
    span: ctx.span(node),
    body: body2(ctx, fieldOf(node, "body")),
    handler: handler ? body2(ctx, fieldOf(handler, "body")) : [],
    param: param2 ? lowerPattern(ctx, param2) : void 0,
    finalizer: finalizer6 ? body2(ctx, fieldOf(finalizer6, "body")) : []
  }];
}
function switchStatement2(ctx, node) {
  const value = fieldOf(node, "value");
  const cases = fieldOf(node, "body");
  const arms = (cases ? namedChildren(cases) : []).map((arm) => fieldsOf(arm, "body").flatMap((s) => lowerStatement2(ctx, s)));
  return [{ kind: "branches", span: ctx.span(node), test: value ? lowerExpr2(ctx, value) : void 0, arms }];
}
function lowerClass2(ctx, node) {
  const name3 = fieldOf(node, "name");
  const members = [];
  const fields = [];
  for (const member4 of namedChildren(fieldOf(node, "body") ?? node)) {
    const key = fieldOf(member4, "name") ?? fieldOf(member4, "property");
    if (member4.type === "method_definition") members.push(lowerFunction(ctx, member4, {}));
    else if ((member4.type === "field_definition" || member4.type === "public_field_definition") && key) {
      const value = fieldOf(member4, "value");
      if (value) fields.push({ name: ctx.text(key), value: lowerValue(ctx, value, ctx.text(key)) });
    }
  }
  return { kind: "class", span: ctx.span(node), name: name3 ? ctx.text(name3) : void 0, members, fields };
}
function expressionStatement2(ctx, node) {
  const inner = firstNamed(node);
  if (!inner) return [];
  if (inner.type === "assignment_expression") {
    const left = fieldOf(inner, "left");
    const right = fieldOf(inner, "right");
    if (left && right) {
      const value = lowerValue(ctx, right, left.type === "identifier" ? ctx.text(left) : ctx.text(left).split(".").pop());
      commonJsExport(ctx, left, value);
      return [{ kind: "assign", span: ctx.span(inner), target: lowerPattern(ctx, left), value }];
    }
  }
  return [{ kind: "expr", span: ctx.span(node), expr: lowerExpr2(ctx, inner) }];
}
var STATEMENTS2 = {
  expression_statement: expressionStatement2,
  lexical_declaration: declaration2,
  variable_declaration: declaration2,
  if_statement: ifStatement2,
  for_statement: forStatement2,
  for_in_statement: forIn,
  while_statement: whileStatement2,
  do_statement: whileStatement2,
  try_statement: tryStatement2,
  switch_statement: switchStatement2,
  statement_block: (ctx, n) => lowerBlock2(ctx, n),
  labeled_statement: (ctx, n) => body2(ctx, fieldOf(n, "body")),
  return_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: "return", span: ctx.span(n), value: value ? lowerExpr2(ctx, value) : void 0 }];
  },
  throw_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: "throw", span: ctx.span(n), value: value ? lowerExpr2(ctx, value) : void 0 }];
  },
  function_declaration: (ctx, n) => [{ kind: "function", span: ctx.span(n), fn: lowerFunction(ctx, n, {}) }],
  generator_function_declaration: (ctx, n) => [{ kind: "function", span: ctx.span(n), fn: lowerFunction(ctx, n, {}) }],
  class_declaration: (ctx, n) => [lowerClass2(ctx, n)],
  abstract_class_declaration: (ctx, n) => [lowerClass2(ctx, n)],
  import_statement: (ctx, n) => {
    lowerImport2(ctx, n);
    return [];
  },
  export_statement: (ctx, n) => lowerExport(ctx, n)
};
function lowerStatement2(ctx, node) {
  return dispatchStatement(ctx, node, STATEMENTS2, SKIPPED2, lowerExpr2);
}
function lowerBlock2(ctx, node) {
  return node.children.flatMap((child) => lowerStatement2(ctx, child));
}
function lowerImport2(ctx, node) {
  const source = fieldOf(node, "source");
  if (!source) return;
  const module2 = stringValue2(ctx, source);
  const clause = node.children.find((c) => c.type === "import_clause");
  if (!clause || /^import\s+type\b/.test(ctx.text(node))) return;
  for (const part of namedChildren(clause)) {
    if (part.type === "identifier") ctx.imports.push({ local: ctx.text(part), module: module2, imported: "default" });
    else if (part.type === "namespace_import") {
      const local = namedChildren(part)[0];
      if (local) ctx.imports.push({ local: ctx.text(local), module: module2, imported: "*" });
    } else if (part.type === "named_imports") {
      for (const spec of namedChildren(part)) {
        const name3 = fieldOf(spec, "name");
        const alias = fieldOf(spec, "alias");
        if (name3) ctx.imports.push({ local: ctx.text(alias ?? name3), module: module2, imported: ctx.text(name3) });
      }
    }
  }
}
function declaredNames2(stmts) {
  return stmts.flatMap((s) => {
    if (s.kind === "function") return s.fn.name ? [s.fn.name] : [];
    if (s.kind === "class") return s.name ? [s.name] : [];
    if (s.kind === "assign" && s.target.kind === "name") return [s.target.name];
    return [];
  });
}
function lowerExport(ctx, node) {
  const isDefault = node.children.some((c) => c.type === "default");
  const declaration3 = fieldOf(node, "declaration");
  if (declaration3) {
    const stmts = lowerStatement2(ctx, declaration3);
    for (const name3 of declaredNames2(stmts)) ctx.exports.push({ name: isDefault ? "default" : name3, local: name3 });
    return stmts;
  }
  const value = fieldOf(node, "value");
  if (value) {
    const lowered = lowerValue(ctx, value, "default");
    if (lowered.kind === "function") ctx.exports.push({ name: "default", fn: lowered.fn.id });
    else if (lowered.kind === "name") ctx.exports.push({ name: "default", local: lowered.name });
    return [{ kind: "expr", span: ctx.span(node), expr: lowered }];
  }
  const clause = node.children.find((c) => c.type === "export_clause");
  if (clause && !fieldOf(node, "source")) {
    for (const spec of namedChildren(clause)) {
      const name3 = fieldOf(spec, "name");
      const alias = fieldOf(spec, "alias");
      if (name3) ctx.exports.push({ name: ctx.text(alias ?? name3), local: ctx.text(name3) });
    }
  }
  return [];
}
function exportOf(ctx, name3, value) {
  if (value.kind === "function") ctx.exports.push({ name: name3, fn: value.fn.id });
  else if (value.kind === "name") ctx.exports.push({ name: name3, local: value.name });
}
function commonJsExport(ctx, left, value) {
  const target = ctx.text(left).replace(/\s+/g, "");
  if (target === "module.exports") {
    if (value.kind !== "object") return exportOf(ctx, "default", value);
    for (const entry2 of value.entries) if (entry2.key) exportOf(ctx, entry2.key, entry2.value);
    return;
  }
  const named = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (named) exportOf(ctx, named[1], value);
}
var EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];
function resolveJsModule(spec, from, files) {
  if (!spec.startsWith(".")) {
    const name3 = spec.replace(/^node:/, "");
    const parts2 = name3.split("/");
    return { package: name3.startsWith("@") ? [parts2.slice(0, 2).join("/"), ...parts2.slice(2)] : parts2 };
  }
  const base2 = posix2.normalize(posix2.join(posix2.dirname(from), spec));
  const stem = base2.replace(/\.(?:[cm]?js|jsx)$/, "");
  const candidates = [base2, ...EXTENSIONS.map((ext) => stem + ext), ...EXTENSIONS.map((ext) => `${base2}/index${ext}`)];
  const found = candidates.find((candidate) => files.has(candidate));
  return { file: found ?? base2 };
}
function lower4(root, source, file) {
  const ctx = new LowerContext(source, file);
  const body3 = lowerBlock2(ctx, root);
  return { file, language: "javascript", body: body3, functions: ctx.functions, imports: ctx.imports, exports: ctx.exports };
}
var javascript = {
  id: "javascript",
  // TypeScript's grammar reads plain JavaScript too, and snippets may carry type annotations.
  snippetFile: "snippet.ts",
  grammarFor: GRAMMAR_FOR.javascript,
  lower: lower4,
  resolveModule: resolveJsModule,
  mutators: /* @__PURE__ */ new Set(["push", "unshift", "splice", "set", "append", "add", "fill", "write"]),
  elementCallbacks: /* @__PURE__ */ new Set(["map", "flatMap", "forEach", "filter", "find", "findLast", "some", "every", "reduce", "then", "sort", "each"]),
  stringMethods: /* @__PURE__ */ new Set([
    "toString",
    "toLowerCase",
    "toUpperCase",
    "toLocaleLowerCase",
    "toLocaleUpperCase",
    "trim",
    "trimStart",
    "trimEnd",
    "substring",
    "substr",
    "slice",
    "padStart",
    "padEnd",
    "repeat",
    "replace",
    "replaceAll",
    "concat",
    "join",
    "normalize",
    "charAt",
    "at",
    "toFixed",
    "stringify"
  ]),
  cleanMembers: /* @__PURE__ */ new Set(["length", "size", "byteLength"]),
  lookups: /^(?:get|has|find\w*|lookup\w*|fetch\w*|load\w*|read\w*|select\w*|count\w*|exists\w*|query\w*)$/
};
var LowerContext5 = class extends BaseLowerContext {
  /** Names that stand for a module: `import a.b` (the chain `a.b`), `import x as y`, `from p import m`. */
  modules = /* @__PURE__ */ new Map();
  /** The file uses FastAPI (its handlers' parameters are request data, its returns JSON). */
  fastapi = false;
  scopes = [];
  /** What each top-level name was last assigned at module level (`NAME = re.compile(r'…')`). */
  moduleDefs = /* @__PURE__ */ new Map();
  /** In the methods of a class, its fields that hold Flask's request (`request: flask.Request`, `self.r = request`). */
  requestFields = /* @__PURE__ */ new Set();
  /** The followed list whose use is being lowered (lst.append(x), lst[1]): that use does not stop following it. */
  listUse;
  /** Whether a type annotation names Flask's (werkzeug's) request class. */
  isRequestType(type) {
    if (!type || this.fastapi) return false;
    const text2 = type.replace(/\s+/g, "");
    if (/^(?:flask|werkzeug)(?:\.wrappers)?(?:\.request)?\.Request$/.test(text2)) return true;
    return this.imports.some((i2) => i2.local === text2 && i2.imported === "Request" && /^(?:flask|werkzeug)\b/.test(i2.module));
  }
  get scope() {
    return this.scopes.at(-1);
  }
  /** Whether `name` is bound by the function being lowered (or an enclosing one). */
  isLocal(name3) {
    return this.scopes.some((s) => s.locals.has(name3));
  }
};
function stringValue3(ctx, node) {
  return node.children.filter((c) => c.type === "string_content" || c.type === "escape_sequence").map((c) => ctx.text(c)).join("");
}
function lowerImport3(ctx, node) {
  for (const part of namedChildren(node)) {
    if (part.type === "dotted_name") {
      const module2 = ctx.text(part).replace(/\s+/g, "");
      const segments = module2.split(".");
      ctx.imports.push({ local: segments[0], module: segments[0], imported: "*" });
      for (let i2 = 2; i2 <= segments.length; i2++) ctx.modules.set(segments.slice(0, i2).join("."), segments.slice(0, i2).join("."));
      if (segments[0] === "fastapi") ctx.fastapi = true;
    } else if (part.type === "aliased_import") {
      const name3 = fieldOf(part, "name");
      const alias = fieldOf(part, "alias");
      if (!name3 || !alias) continue;
      const module2 = ctx.text(name3).replace(/\s+/g, "");
      ctx.imports.push({ local: ctx.text(alias), module: module2, imported: "*" });
      if (module2.split(".")[0] === "fastapi") ctx.fastapi = true;
    }
  }
}
function lowerImportFrom(ctx, node) {
  const moduleNode = fieldOf(node, "module_name");
  if (!moduleNode) return;
  const module2 = ctx.text(moduleNode).replace(/\s+/g, "");
  if (module2.split(".")[0] === "fastapi" || module2 === "starlette" || module2.startsWith("starlette.")) ctx.fastapi = true;
  for (const part of node.children) {
    if (part.field !== "name") continue;
    if (part.type === "dotted_name") ctx.imports.push({ local: ctx.text(part), module: module2, imported: ctx.text(part) });
    else if (part.type === "aliased_import") {
      const name3 = fieldOf(part, "name");
      const alias = fieldOf(part, "alias");
      if (name3 && alias) ctx.imports.push({ local: ctx.text(alias), module: module2, imported: ctx.text(name3) });
    }
  }
}
var INDEX = /* @__PURE__ */ new WeakMap();
function indexOf(files) {
  let index = INDEX.get(files);
  if (index) return index;
  index = /* @__PURE__ */ new Map();
  for (const file of files) {
    if (!file.endsWith(".py")) continue;
    const segments = file.replace(/\.py$/, "").replace(/\/__init__$/, "").split("/");
    for (let i2 = 0; i2 < segments.length; i2++) {
      const key = segments.slice(i2).join("/");
      const known = index.get(key);
      if (!known || known.length > file.length) index.set(key, file);
    }
  }
  INDEX.set(files, index);
  return index;
}
function resolvePyModule(spec, from, files) {
  const dots = /^\.*/.exec(spec)[0].length;
  const rest = spec.slice(dots).split(".").filter(Boolean).join("/");
  if (dots > 0) {
    let dir = posix3.dirname(from);
    for (let i2 = 1; i2 < dots; i2++) dir = posix3.dirname(dir);
    const base2 = posix3.normalize(rest ? posix3.join(dir, rest) : dir);
    const found = [`${base2}.py`, `${base2}/__init__.py`].find((f) => files.has(f));
    return { file: found ?? `${base2}.py` };
  }
  for (const candidate of [`${rest}.py`, `${rest}/__init__.py`, posix3.join(posix3.dirname(from), `${rest}.py`)]) if (files.has(candidate)) return { file: candidate };
  const bySuffix = indexOf(files).get(rest);
  if (bySuffix && rest.includes("/")) return { file: bySuffix };
  return { package: spec.split(".") };
}
var NORMALIZERS = /(?:^|\.)(?:realpath|abspath|normpath|resolve)$/;
var URL_PARSERS = /(?:^|\.)(?:urlparse|urlsplit|urllib3\.util\.parse_url|parse_url)$/;
var CLASS_METHODS = { isdigit: "number", isdecimal: "number", isnumeric: "number", isalnum: "pattern", isalpha: "pattern", isidentifier: "pattern" };
var ESCAPES = { n: "\n", r: "\r", t: "	", "0": "\0" };
function stringValue4(ctx, node) {
  const raw = /^[a-zA-Z]*[rR]/.test(ctx.text(node));
  const text2 = node.children.filter((c) => c.type === "string_content" || c.type === "escape_sequence").map((c) => ctx.text(c)).join("");
  return raw ? text2 : text2.replace(/\\([\s\S])/g, (_, c) => ESCAPES[c] ?? c);
}
function check(ctx, node, subject, type, negated = false, value) {
  return { kind: "is-type", span: ctx.span(node), subject, type, negated, ...value !== void 0 ? { value } : {} };
}
function unwrap(node) {
  let n = node;
  while (n.type === "parenthesized_expression" && namedChildren(n).length === 1) n = namedChildren(n)[0];
  return n;
}
function isPlainString(node) {
  return node.type === "string" && !node.children.some((c) => c.type === "interpolation");
}
function calleeText(ctx, node) {
  if (node.type !== "call") return void 0;
  const fn = fieldOf(node, "function");
  return fn && (fn.type === "identifier" || fn.type === "attribute") ? ctx.text(fn).replace(/\s+/g, "") : void 0;
}
function firstArg(node) {
  const args22 = fieldOf(node, "arguments");
  return args22 ? namedChildren(args22).find((a) => a.type !== "keyword_argument") : void 0;
}
function unwrapStr(ctx, node) {
  const n = unwrap(node);
  return calleeText(ctx, n) === "str" ? unwrap(firstArg(n) ?? n) : n;
}
function definition(ctx, node) {
  if (node.type !== "identifier") return void 0;
  const name3 = ctx.text(node);
  return ctx.scope?.defs.get(name3) ?? (ctx.isLocal(name3) ? void 0 : ctx.moduleDefs.get(name3));
}
var HOST_CHECKS = /(?:^|\.)(?:url_has_allowed_host_and_scheme|is_safe_url)$/;
function constantCollection(ctx, node) {
  const n = unwrap(node);
  if (n.type === "list" || n.type === "tuple" || n.type === "set") return namedChildren(n).every((c) => isPlainString(c) || c.type === "integer" || c.type === "float");
  if (n.type === "dictionary") return namedChildren(n).every((p) => p.type === "pair" && isPlainString(fieldOf(p, "key") ?? p));
  const text2 = ctx.text(n);
  return (n.type === "identifier" || n.type === "attribute") && /(?:^|\.)[A-Z][A-Z0-9_]*$/.test(text2) && !ctx.isLocal(text2.split(".")[0]);
}
function hostOf(ctx, node) {
  const n = unwrap(node);
  if (n.type !== "attribute") return void 0;
  const attribute2 = fieldOf(n, "attribute");
  const object3 = fieldOf(n, "object");
  if (!attribute2 || !object3 || !/^(?:netloc|hostname|host)$/.test(ctx.text(attribute2))) return void 0;
  const parsed = unwrap(object3).type === "call" ? unwrap(object3) : definition(ctx, unwrap(object3));
  if (!parsed || !URL_PARSERS.test(calleeText(ctx, parsed) ?? "")) return void 0;
  return firstArg(parsed);
}
function comparisonCheck(ctx, node) {
  const operands = namedChildren(node).filter((c) => c.field !== "operators");
  const operators = node.children.filter((c) => c.field === "operators").map((c) => ctx.text(c).replace(/\s+/g, " "));
  if (operands.length !== 2 || operators.length !== 1) return void 0;
  const [left, right] = [unwrap(operands[0]), unwrap(operands[1])];
  const op = operators[0];
  if (op === "in" || op === "not in") {
    const negated = op === "not in";
    if (isPlainString(left)) {
      const needle = stringValue4(ctx, left);
      if (needle.includes("..")) return check(ctx, node, lowerExpr3(ctx, right), "no-dot-dot", !negated);
      if (needle === "'" || needle === '"') return check(ctx, node, lowerExpr3(ctx, right), "no-quote", !negated);
      return void 0;
    }
    if (!constantCollection(ctx, right)) return void 0;
    const url = hostOf(ctx, left);
    return url ? check(ctx, node, lowerExpr3(ctx, url), "allowed-host", negated) : check(ctx, node, lowerExpr3(ctx, left), "allow-list", negated);
  }
  if (op === "==" || op === "!=") {
    const [subject, constant2] = isPlainString(right) || right.type === "integer" ? [left, right] : [right, left];
    if (!(isPlainString(constant2) || constant2.type === "integer") || isPlainString(subject) || subject.type === "integer") return void 0;
    const url = hostOf(ctx, subject);
    return url ? check(ctx, node, lowerExpr3(ctx, url), "allowed-host", op === "!=") : check(ctx, node, lowerExpr3(ctx, subject), "allow-list", op === "!=");
  }
  return void 0;
}
function restrictivePattern(source, kind) {
  const start2 = /^(?:\^|\\A)/.test(source);
  const end = /(?:\$|\\Z|\\z)$/.test(source);
  if (kind === "search" && !start2 || kind !== "fullmatch" && !end) return false;
  const body3 = source.replace(/^(?:\^|\\A)/, "").replace(/(?:\$|\\Z|\\z)$/, "");
  const unit = String.raw`(?:\[(?:[a-zA-Z0-9_]|[a-zA-Z0-9]-[a-zA-Z0-9]|\\w|\\d|\\-|-(?=\]))+\]|\\w|\\d|[a-zA-Z0-9_-])(?:[*+?]|\{\d+(?:,\d*)?\})?`;
  return body3.length > 0 && new RegExp(`^(?:${unit})+$`).test(body3);
}
function callCheck(ctx, node) {
  const fn = fieldOf(node, "function");
  const argsNode = fieldOf(node, "arguments");
  const args22 = argsNode ? namedChildren(argsNode) : [];
  if (!fn) return void 0;
  const callee = calleeText(ctx, node) ?? "";
  const imported = ctx.imports.find((i2) => i2.local === callee && i2.module === "re");
  const regex = /^re\.(match|fullmatch|search)$/.exec(imported ? `re.${imported.imported}` : callee);
  if (regex && args22.length >= 2 && isPlainString(unwrap(args22[0]))) {
    return restrictivePattern(stringValue4(ctx, unwrap(args22[0])), regex[1]) ? check(ctx, node, lowerExpr3(ctx, args22[1]), "pattern") : void 0;
  }
  if (HOST_CHECKS.test(callee) && args22[0] && args22[0].type !== "keyword_argument") return check(ctx, node, lowerExpr3(ctx, args22[0]), "allowed-host");
  if (fn.type !== "attribute") return void 0;
  const object3 = fieldOf(fn, "object");
  const method = fieldOf(fn, "attribute");
  if (!object3 || !method) return void 0;
  const name3 = ctx.text(method);
  const compiled2 = definition(ctx, object3);
  const source = compiled2 && calleeText(ctx, compiled2) === "re.compile" ? firstArg(compiled2) : void 0;
  if (source && /^(?:match|fullmatch|search)$/.test(name3) && args22.length === 1 && isPlainString(unwrap(source))) {
    return restrictivePattern(stringValue4(ctx, unwrap(source)), name3) ? check(ctx, node, lowerExpr3(ctx, args22[0]), "pattern") : void 0;
  }
  if (CLASS_METHODS[name3] && args22.length === 0) return check(ctx, node, lowerExpr3(ctx, object3), CLASS_METHODS[name3]);
  if ((name3 === "startswith" || name3 === "is_relative_to") && args22.length === 1) {
    const subject = unwrapStr(ctx, object3);
    const arg = unwrap(args22[0]);
    if (name3 === "startswith" && isPlainString(arg)) return check(ctx, node, lowerExpr3(ctx, subject), "prefix", false, stringValue4(ctx, arg));
    const resolved = NORMALIZERS.test(calleeText(ctx, subject) ?? "") ? subject : definition(ctx, subject);
    if (resolved && NORMALIZERS.test(calleeText(ctx, resolved) ?? "")) {
      const target = resolved === subject ? firstArg(subject) ?? fieldOf(fieldOf(subject, "function") ?? subject, "object") : subject;
      if (target) return check(ctx, node, lowerExpr3(ctx, unwrap(target)), "contained-path");
    }
  }
  return void 0;
}
function chain(ctx, node, op) {
  const n = unwrap(node);
  const operator = fieldOf(n, "operator");
  if (n.type !== "boolean_operator" || !operator || ctx.text(operator) !== op) return [n];
  return [fieldOf(n, "left"), fieldOf(n, "right")].flatMap((side) => side ? chain(ctx, side, op) : []);
}
function quotePart(ctx, node) {
  let n = unwrap(node);
  let holds = true;
  if (n.type === "not_operator") {
    holds = false;
    n = unwrap(fieldOf(n, "argument") ?? n);
  }
  if (n.type === "call") {
    const fn = fieldOf(n, "function");
    const arg = firstArg(n);
    const method = fn?.type === "attribute" ? fieldOf(fn, "attribute") : void 0;
    const object3 = fn?.type === "attribute" ? fieldOf(fn, "object") : void 0;
    if (!method || !object3 || !arg || !isPlainString(unwrap(arg))) return void 0;
    const what = ctx.text(method) === "startswith" ? "start" : ctx.text(method) === "endswith" ? "end" : void 0;
    return what ? { subject: ctx.text(object3), quote: stringValue4(ctx, unwrap(arg)), what, holds } : void 0;
  }
  if (n.type === "comparison_operator") {
    const operands = namedChildren(n).filter((c) => c.field !== "operators");
    const op = n.children.filter((c) => c.field === "operators").map((c) => ctx.text(c).replace(/\s+/g, " "));
    const [needle, slice] = operands.map(unwrap);
    if (operands.length !== 2 || op.length !== 1 || !needle || !slice || !isPlainString(needle) || slice.type !== "subscript") return void 0;
    const index = fieldOf(slice, "subscript");
    const value = fieldOf(slice, "value");
    if (!index || !value || ctx.text(index).replace(/\s+/g, "") !== "1:-1") return void 0;
    return { subject: ctx.text(value), quote: stringValue4(ctx, needle), what: "inside", holds: op[0] === "in" !== !holds };
  }
  return void 0;
}
function quotedLiteralCheck(ctx, node, op) {
  const parts2 = chain(ctx, node, op).map((p) => quotePart(ctx, p));
  if (parts2.length !== 3 || parts2.some((p) => !p)) return void 0;
  const [first] = parts2;
  const want = { start: op === "and", end: op === "and", inside: op !== "and" };
  const same = parts2.every((p) => p.subject === first.subject && p.quote === first.quote && (p.quote === "'" || p.quote === '"') && p.holds === want[p.what]);
  if (!same || new Set(parts2.map((p) => p.what)).size !== 3) return void 0;
  const subjectNode = findSubject(node, ctx, first.subject);
  return subjectNode ? check(ctx, node, lowerExpr3(ctx, subjectNode), "quoted-literal", op !== "and") : void 0;
}
function findSubject(node, ctx, text2) {
  if ((node.type === "identifier" || node.type === "attribute") && ctx.text(node) === text2) return node;
  for (const child of node.children) {
    const found = findSubject(child, ctx, text2);
    if (found) return found;
  }
  return void 0;
}
function plainString(ctx, node) {
  if (node.type !== "string" || node.children.some((c) => c.type === "interpolation")) return void 0;
  return node.children.filter((c) => c.type === "string_content").map((c) => ctx.text(c)).join("");
}
function constantIndex(ctx, node) {
  if (!node) return void 0;
  const text2 = ctx.text(node).replace(/\s+/g, "");
  return /^-?\d+$/.test(text2) ? Number(text2) : void 0;
}
function assignList(ctx, target, value) {
  const scope = ctx.scope;
  if (!scope || target.type !== "identifier") return;
  const name3 = ctx.text(target);
  if (value?.type === "list") scope.lists.set(name3, { items: namedChildren(value).map((item) => plainString(ctx, item)), depth: scope.depth });
  else scope.lists.delete(name3);
}
function listStatement(ctx, node) {
  const scope = ctx.scope;
  if (!scope || node.type !== "call") return false;
  const fn = fieldOf(node, "function");
  const object3 = fn?.type === "attribute" ? fieldOf(fn, "object") : void 0;
  const list = object3?.type === "identifier" ? scope.lists.get(ctx.text(object3)) : void 0;
  if (!fn || !object3 || !list) return false;
  const method = ctx.text(fieldOf(fn, "attribute") ?? fn);
  const args22 = namedChildren(fieldOf(node, "arguments") ?? node);
  const forget2 = () => {
    scope.lists.delete(ctx.text(object3));
    return false;
  };
  if (scope.depth !== list.depth) return forget2();
  const at = (i2) => i2 === void 0 ? void 0 : i2 < 0 ? list.items.length + i2 : i2;
  if (method === "append" && args22.length === 1) list.items.push(plainString(ctx, args22[0]));
  else if (method === "insert" && args22.length === 2 && at(constantIndex(ctx, args22[0])) !== void 0) list.items.splice(Math.max(0, at(constantIndex(ctx, args22[0]))), 0, plainString(ctx, args22[1]));
  else if (method === "pop" && args22.length <= 1 && list.items.length) {
    const i2 = args22.length ? at(constantIndex(ctx, args22[0])) : list.items.length - 1;
    if (i2 === void 0 || i2 < 0 || i2 >= list.items.length) return forget2();
    list.items.splice(i2, 1);
  } else return forget2();
  return true;
}
function listItem(ctx, node) {
  const value = fieldOf(node, "value");
  const list = value?.type === "identifier" ? ctx.scope?.lists.get(ctx.text(value)) : void 0;
  const i2 = constantIndex(ctx, fieldOf(node, "subscript"));
  if (!list || i2 === void 0) return void 0;
  return list.items[i2 < 0 ? list.items.length + i2 : i2];
}
function releaseList(ctx, name3) {
  ctx.scope?.lists.delete(name3);
}
var SHELLS = /^(?:(?:\/usr)?\/bin\/)?(?:sh|bash|dash|zsh|ksh|cmd(?:\.exe)?|powershell(?:\.exe)?|pwsh)$/i;
function noteArgvItem(shape, value) {
  if (value === void 0) return;
  if (SHELLS.test(value)) shape.shell = true;
  if (/^(?:-c|\/c|-Command)$/i.test(value)) shape.flag = true;
}
function noteArgv(ctx, target, value) {
  const scope = ctx.scope;
  if (!scope || target.type !== "identifier") return;
  if (value?.type !== "list") {
    scope.argv.delete(ctx.text(target));
    return;
  }
  const shape = { shell: false, flag: false };
  for (const item of namedChildren(value)) noteArgvItem(shape, plainString(ctx, item));
  scope.argv.set(ctx.text(target), shape);
}
function noteArgvCall(ctx, node) {
  const fn = node.type === "call" ? fieldOf(node, "function") : void 0;
  const object3 = fn?.type === "attribute" ? fieldOf(fn, "object") : void 0;
  const shape = object3?.type === "identifier" ? ctx.scope?.argv.get(ctx.text(object3)) : void 0;
  if (!fn || !shape) return;
  const method = ctx.text(fieldOf(fn, "attribute") ?? fn);
  const args22 = namedChildren(fieldOf(node, "arguments") ?? node);
  if (method === "append" || method === "extend" || method === "insert") for (const arg of args22) noteArgvItem(shape, plainString(ctx, arg));
}
function runsShell(ctx, argv) {
  if (!argv) return false;
  if (argv.type === "list") {
    const shape2 = { shell: false, flag: false };
    for (const item of namedChildren(argv)) noteArgvItem(shape2, plainString(ctx, item));
    return shape2.shell && shape2.flag;
  }
  const shape = argv.type === "identifier" ? ctx.scope?.argv.get(ctx.text(argv)) : void 0;
  return shape !== void 0 && shape.shell && shape.flag;
}
var PATH_METHODS = /* @__PURE__ */ new Set([
  "exists",
  "is_file",
  "is_dir",
  "is_symlink",
  "stat",
  "lstat",
  "open",
  "read_text",
  "read_bytes",
  "write_text",
  "write_bytes",
  "unlink",
  "rmdir",
  "mkdir",
  "touch",
  "rename",
  "replace",
  "iterdir",
  "glob",
  "rglob",
  "chmod",
  "symlink_to",
  "hardlink_to"
]);
var PATH_MAKERS = /^(?:pathlib\.)?(?:Path|PurePath|PosixPath|WindowsPath)$/;
var PATH_DERIVED = /* @__PURE__ */ new Set(["resolve", "absolute", "expanduser", "joinpath", "with_name", "with_suffix", "with_stem", "relative_to"]);
function isPath(ctx, node, depth = 0) {
  if (depth > 8) return false;
  const n = node.type === "parenthesized_expression" ? namedChildren(node)[0] ?? node : node;
  if (n.type === "identifier") {
    const def = ctx.scope?.defs.get(ctx.text(n));
    return def !== void 0 && isPath(ctx, def, depth + 1);
  }
  if (n.type === "binary_operator") {
    const left = fieldOf(n, "left");
    return ctx.text(fieldOf(n, "operator") ?? n) === "/" && left !== void 0 && isPath(ctx, left, depth + 1);
  }
  if (n.type === "attribute") return ctx.text(fieldOf(n, "attribute") ?? n) === "parent" && isPath(ctx, fieldOf(n, "object") ?? n, depth + 1);
  if (n.type !== "call") return false;
  const fn = fieldOf(n, "function");
  if (!fn) return false;
  if (PATH_MAKERS.test(dotted(ctx, fn) ?? "")) return true;
  const object3 = fn.type === "attribute" ? fieldOf(fn, "object") : void 0;
  return object3 !== void 0 && PATH_DERIVED.has(ctx.text(fieldOf(fn, "attribute") ?? fn)) && isPath(ctx, object3, depth + 1);
}
function member2(ctx, node, object3, property) {
  return { kind: "member", span: ctx.span(node), object: object3, property };
}
function libraryCall(ctx, node, fn, argsNode, args22) {
  if (fn.type !== "attribute") return void 0;
  const span = ctx.span(node);
  const method = fieldOf(fn, "attribute");
  const object3 = fieldOf(fn, "object");
  const methodName2 = method ? ctx.text(method) : "";
  if (!object3) return void 0;
  const raw = argsNode ? namedChildren(argsNode) : [];
  const [from, to] = raw;
  if (methodName2 === "replace" && from && to && isPlainString(from) && isPlainString(to) && /^['"]$/.test(stringValue4(ctx, from)) && !stringValue4(ctx, to).includes(stringValue4(ctx, from))) {
    return { kind: "call", span, callee: member2(ctx, fn, lowerExpr3(ctx, object3), "escape_quotes"), args: args22 };
  }
  if ((methodName2 === "format" || methodName2 === "join") && (object3.type === "string" || object3.type === "concatenated_string")) {
    return { kind: "concat", span, parts: [lowerExpr3(ctx, object3), ...args22.flatMap((a) => a.kind === "object" ? a.entries.map((e) => e.value) : [a])] };
  }
  if ((methodName2 === "load" || methodName2 === "load_all") && /(?:^|\.)yaml$/.test(dotted(ctx, object3) ?? "")) {
    const loader = raw.find((a) => a.type === "keyword_argument" && /^Loader\s*=/.test(ctx.text(a)));
    const chosen = loader ? fieldOf(loader, "value") : raw.filter((a) => a.type !== "keyword_argument")[1];
    if (chosen && /(?:^|\.)C?(?:Safe|Base)Loader$/.test(ctx.text(chosen))) return { kind: "call", span, callee: member2(ctx, fn, lowerExpr3(ctx, object3), `safe_${methodName2}`), args: args22 };
  }
  if (methodName2 === "new" && dotted(ctx, object3) === "hashlib" && raw[0]?.type === "string") {
    const algo = stringValue3(ctx, raw[0]).toLowerCase().replace(/[^a-z0-9_]/g, "");
    if (/^[a-z][a-z0-9_]*$/.test(algo)) return { kind: "call", span, callee: member2(ctx, fn, lowerExpr3(ctx, object3), algo), args: args22.slice(1) };
  }
  const stored = configEntry(ctx, object3, methodName2, raw);
  if (stored) return stored;
  if (PATH_METHODS.has(methodName2) && isPath(ctx, object3)) {
    const pathClass = member2(ctx, fn, { kind: "module", span: ctx.span(fn), module: "pathlib" }, "Path");
    return { kind: "call", span, callee: member2(ctx, fn, pathClass, methodName2), args: [lowerExpr3(ctx, object3), ...args22] };
  }
  return void 0;
}
var CONFIG_PARSERS = /^(?:configparser\.)?(?:Raw|Safe)?ConfigParser$/;
function configEntry(ctx, object3, method, raw) {
  const made = object3.type === "identifier" ? ctx.scope?.defs.get(ctx.text(object3)) : void 0;
  if (!made || made.type !== "call" || !CONFIG_PARSERS.test(dotted(ctx, fieldOf(made, "function") ?? made) ?? "")) return void 0;
  const positional = raw.filter((a) => a.type !== "keyword_argument");
  const [section, key, value] = positional;
  if (!section || !key || !isPlainString(section) || !isPlainString(key)) return void 0;
  const entry2 = { kind: "member", span: ctx.span(object3), object: lowerExpr3(ctx, object3), property: `${stringValue4(ctx, section)}/${stringValue4(ctx, key)}` };
  if (method === "set" && value && positional.length === 3) return { kind: "assign", span: ctx.span(value), target: { kind: "member", span: entry2.span, object: entry2.kind === "member" ? entry2.object : entry2, property: entry2.kind === "member" ? entry2.property : void 0 }, value: lowerExpr3(ctx, value) };
  if (method !== "get" || positional.length !== 2) return void 0;
  const fallback = raw.find((a) => a.type === "keyword_argument" && ctx.text(fieldOf(a, "name") ?? a) === "fallback");
  const otherwise = fallback ? fieldOf(fallback, "value") : void 0;
  return otherwise ? { kind: "union", span: ctx.span(object3), parts: [entry2, lowerExpr3(ctx, otherwise)] } : entry2;
}
function flaskResponseArgs(ctx, fn, raw) {
  if (raw.length !== 1 || raw[0].type !== "tuple" || !/(?:^|\.)make_response$/.test(dotted(ctx, fn) ?? "")) return void 0;
  return namedChildren(raw[0]).map((item) => lowerExpr3(ctx, item));
}
function xmlParseArgs(ctx, fn, raw) {
  const parser = raw[1];
  if (!parser || parser.type !== "identifier" || !/^xml\.(?:dom\.(?:minidom|pulldom)|sax)\.(?:parseString|parse)$/.test(dotted(ctx, fn) ?? "")) return void 0;
  const made = ctx.scope?.defs.get(ctx.text(parser));
  if (!made || made.type !== "call" || !/(?:^|\.)make_parser$/.test(dotted(ctx, fieldOf(made, "function") ?? made) ?? "")) return void 0;
  if (ctx.scope?.entityParsers.has(ctx.text(parser))) return void 0;
  return [lowerExpr3(ctx, raw[0]), ...raw.slice(2).map((a) => lowerExpr3(ctx, a))];
}
function shellArgvArgs(ctx, fn, argsNode, raw) {
  if (!/^subprocess\.(?:call|run|Popen|check_call|check_output)$/.test(dotted(ctx, fn) ?? "") || !runsShell(ctx, raw.find((a) => a.type !== "keyword_argument"))) return void 0;
  const args22 = argumentsOf2(ctx, argsNode);
  const shell = { key: "shell", value: { kind: "literal", span: ctx.span(fn), value: true }, span: ctx.span(fn) };
  const keywords = args22.at(-1);
  if (args22.length > 1 && keywords?.kind === "object") return [...args22.slice(0, -1), { ...keywords, entries: [...keywords.entries.filter((e) => e.key !== "shell"), shell] }];
  return [...args22, { kind: "object", span: ctx.span(fn), entries: [shell] }];
}
function libraryArgs(ctx, fn, argsNode) {
  const raw = argsNode ? namedChildren(argsNode) : [];
  return flaskResponseArgs(ctx, fn, raw) ?? xmlParseArgs(ctx, fn, raw) ?? shellArgvArgs(ctx, fn, argsNode, raw);
}
function noteEntityFeature(ctx, fn, argsNode) {
  const object3 = fn.type === "attribute" ? fieldOf(fn, "object") : void 0;
  const method = fn.type === "attribute" ? fieldOf(fn, "attribute") : void 0;
  const [feature, on] = argsNode ? namedChildren(argsNode) : [];
  if (!object3 || object3.type !== "identifier" || !method || ctx.text(method) !== "setFeature" || !feature || !on) return;
  if (/external_(?:ges|pes)|external-(?:general|parameter)-entities/.test(ctx.text(feature)) && !/^(?:False|0|None)$/.test(ctx.text(on))) ctx.scope?.entityParsers.add(ctx.text(object3));
}
var ROUTE_DECORATOR = /^@?\s*[\w.]+\.(?:route|get|post|put|patch|delete|head|options|api_route|websocket)\s*\(/;
function isRouteDecorator(text2) {
  return ROUTE_DECORATOR.test(text2);
}
var FASTAPI_SOURCES = {
  Query: { kind: "http.query", label: "query parameter" },
  Path: { kind: "http.params", label: "path parameter" },
  Body: { kind: "http.body", label: "request body field" },
  Form: { kind: "http.body", label: "form field" },
  File: { kind: "http.body", label: "uploaded file" },
  UploadFile: { kind: "http.body", label: "uploaded file" },
  Header: { kind: "http.headers", label: "request header" },
  Cookie: { kind: "http.cookies", label: "cookie" }
};
var FASTAPI_REQUEST = /^(?:Request|starlette\.requests\.Request|fastapi\.Request|WebSocket)$/;
var FASTAPI_INJECTED = /^(?:Response|BackgroundTasks|Session|AsyncSession|HTTPConnection|SecurityScopes|int|float|bool|UUID|uuid\.UUID|datetime|date)$/;
function pathParams(route) {
  const out2 = /* @__PURE__ */ new Set();
  for (const m of route.matchAll(/<(?:\w+:)?(\w+)>|\{(\w+)(?::\w+)?\}/g)) out2.add(m[1] ?? m[2]);
  return out2;
}
function markRoute(fn, decorator, info2, fastapi) {
  fn.handler = decorator;
  const route = /\(\s*[rfbu]?['"]([^'"]*)['"]/.exec(decorator)?.[1] ?? "";
  const inPath = pathParams(route);
  fn.params.forEach((param2, i2) => {
    const p = info2[i2];
    if (!p || param2.ref || param2.source || param2.rest) return;
    if (!fastapi) {
      if (p.name && (inPath.has(p.name) || !route)) param2.source = { kind: "http.params", label: `path parameter \`${p.name}\`` };
      return;
    }
    if (p.type && FASTAPI_REQUEST.test(p.type)) {
      param2.ref = "$req";
      return;
    }
    const explicit = p.defaultCall ? FASTAPI_SOURCES[p.defaultCall.replace(/^fastapi\./, "")] : void 0;
    if (p.defaultCall && /(?:^|\.)(?:Depends|Security)$/.test(p.defaultCall)) return;
    if (!explicit && p.type && FASTAPI_INJECTED.test(p.type)) return;
    const source = explicit ?? (p.name && inPath.has(p.name) ? FASTAPI_SOURCES.Path : p.type && /^[A-Z]/.test(p.type) && !/^(?:Optional|List|Union|Annotated)\b/.test(p.type) ? FASTAPI_SOURCES.Body : FASTAPI_SOURCES.Query);
    param2.source = { kind: source.kind, label: p.name ? `${source.label} \`${p.name}\`` : source.label };
  });
}
function markDjangoRequest(params) {
  const first = params[0];
  if (first && !first.ref && !first.source && first.name === "request") first.ref = "$req";
}
function lowerPattern2(ctx, node) {
  const span = ctx.span(node);
  switch (node.type) {
    case "identifier": {
      const name3 = ctx.text(node);
      return { kind: "name", span, name: ctx.scope?.self === name3 ? "this" : name3 };
    }
    case "attribute":
    case "subscript": {
      const base2 = node.type === "subscript" ? fieldOf(node, "value") : void 0;
      if (base2?.type === "identifier") releaseList(ctx, ctx.text(base2));
      const lowered = lowerExpr3(ctx, node);
      return lowered.kind === "member" ? { kind: "member", span, object: lowered.object, property: lowered.property } : { kind: "none", span };
    }
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "tuple":
    case "list":
    case "expression_list": {
      let rest;
      const items = [];
      for (const child of namedChildren(node)) {
        if (child.type === "list_splat_pattern" || child.type === "list_splat") rest = lowerPattern2(ctx, firstNamed(child) ?? child);
        else items.push(lowerPattern2(ctx, child));
      }
      return { kind: "array", span, items, rest };
    }
    case "parenthesized_expression":
    case "as_pattern_target":
    case "list_splat_pattern": {
      const inner = firstNamed(node);
      return inner ? lowerPattern2(ctx, inner) : { kind: "none", span };
    }
    default:
      return { kind: "none", span };
  }
}
function boundNames(ctx, body3, params) {
  const locals = new Set(params.map((p) => p.name).filter((n) => n !== void 0));
  const counts = /* @__PURE__ */ new Map();
  const numbers = /* @__PURE__ */ new Map();
  const targets = (node, value) => {
    if (node.type === "identifier") {
      const name3 = ctx.text(node);
      locals.add(name3);
      counts.set(name3, (counts.get(name3) ?? 0) + 1);
      if (value && (value.type === "integer" || value.type === "float")) numbers.set(name3, Number(ctx.text(value).replace(/_/g, "")));
      else numbers.delete(name3);
      return;
    }
    for (const child of namedChildren(node)) if (child.type !== "attribute" && child.type !== "subscript") targets(child, void 0);
  };
  const visit = (node) => {
    for (const child of node.children) {
      if (child.type === "function_definition" || child.type === "class_definition" || child.type === "lambda") {
        const name3 = fieldOf(child, "name");
        if (name3) targets(name3, void 0);
        continue;
      }
      if (child.type === "assignment" || child.type === "augmented_assignment") {
        const left = fieldOf(child, "left");
        if (left) targets(left, child.type === "assignment" ? fieldOf(child, "right") : void 0);
        if (child.type === "augmented_assignment" && left?.type === "identifier") counts.set(ctx.text(left), 2);
      } else if (child.type === "for_statement" || child.type === "for_in_clause") {
        const left = fieldOf(child, "left");
        if (left) targets(left, void 0);
      } else if (child.type === "as_pattern_target" || child.type === "named_expression") {
        const name3 = child.type === "named_expression" ? fieldOf(child, "name") : firstNamed(child);
        if (name3) targets(name3, void 0);
      } else if (child.type === "global_statement" || child.type === "nonlocal_statement") {
        for (const n of namedChildren(child)) counts.set(ctx.text(n), 2);
      }
      visit(child);
    }
  };
  if (body3) visit(body3);
  const constants = /* @__PURE__ */ new Map();
  for (const [name3, value] of numbers) if (counts.get(name3) === 1 && !params.some((p) => p.name === name3)) constants.set(name3, value);
  return { locals, constants, respond: false, known: /* @__PURE__ */ new Map(), defs: /* @__PURE__ */ new Map(), requestNames: /* @__PURE__ */ new Set(), entityParsers: /* @__PURE__ */ new Set(), argv: /* @__PURE__ */ new Map(), lists: /* @__PURE__ */ new Map(), depth: 0 };
}
function typeText(ctx, node) {
  return node ? ctx.text(node).replace(/\[[\s\S]*$/, "").trim() : void 0;
}
function lowerParam2(ctx, node) {
  const none = { param: void 0, info: { name: void 0, type: void 0, defaultCall: void 0 } };
  let nameNode;
  let type;
  let value;
  let rest = false;
  switch (node.type) {
    case "identifier":
      nameNode = node;
      break;
    case "typed_parameter": {
      const inner = firstNamed(node);
      type = fieldOf(node, "type");
      if (inner?.type === "list_splat_pattern" || inner?.type === "dictionary_splat_pattern") {
        rest = true;
        nameNode = firstNamed(inner);
      } else nameNode = inner;
      break;
    }
    case "default_parameter":
    case "typed_default_parameter":
      nameNode = fieldOf(node, "name");
      type = fieldOf(node, "type");
      value = fieldOf(node, "value");
      break;
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
      rest = true;
      nameNode = firstNamed(node);
      break;
    default:
      return none;
  }
  if (!nameNode) return none;
  const name3 = ctx.text(nameNode);
  const callee = value?.type === "call" ? fieldOf(value, "function") : void 0;
  const info2 = { name: name3, type: typeText(ctx, type), defaultCall: callee ? ctx.text(callee) : void 0 };
  const fallback = value && !info2.defaultCall ? lowerExpr3(ctx, value) : void 0;
  return { param: { pattern: { kind: "name", span: ctx.span(nameNode), name: name3 }, name: name3, fallback, rest }, info: info2 };
}
function staticRoute(decorators) {
  const paths = decorators.map((d) => /^@?\s*[\w.]+\.\w+\(\s*['"]([^'"<>{}]*)['"]\s*[,)]/.exec(d)?.[1]);
  return paths.every((p) => p !== void 0 && p.startsWith("/")) ? paths[0] : void 0;
}
function lowerFunction2(ctx, node, hint = {}) {
  const name3 = fieldOf(node, "name");
  const list = fieldOf(node, "parameters");
  const lowered = (list ? namedChildren(list) : []).map((p) => lowerParam2(ctx, p)).filter((p) => p.param);
  const decorators = hint.decorators ?? [];
  const isStatic = decorators.some((d) => /^@\s*staticmethod\b/.test(d));
  let self;
  if (hint.method && !isStatic && lowered.length) self = lowered.shift().info.name;
  const fn = { id: ctx.id(), name: name3 ? ctx.text(name3) : void 0, span: ctx.span(node), params: lowered.map((l) => l.param), body: [] };
  ctx.functions.push(fn);
  const body3 = fieldOf(node, "body");
  const scope = boundNames(ctx, body3, lowered.map((l) => l.info));
  scope.self = self;
  for (const l of lowered) if (l.info.name && ctx.isRequestType(l.info.type)) scope.requestNames.add(l.info.name);
  const route = decorators.find(isRouteDecorator);
  if (route) {
    markRoute(fn, route.replace(/^@\s*/, ""), lowered.map((l) => l.info), ctx.fastapi);
    scope.respond = !ctx.fastapi;
    scope.staticPath = ctx.fastapi ? void 0 : staticRoute(decorators.filter(isRouteDecorator));
  } else if (!hint.method || hint.view) markDjangoRequest(fn.params);
  ctx.scopes.push(scope);
  try {
    if (node.type === "lambda") fn.body = body3 ? [{ kind: "return", span: ctx.span(body3), value: lowerExpr3(ctx, body3) }] : [];
    else if (body3) fn.body = lowerBlock3(ctx, body3);
  } finally {
    ctx.scopes.pop();
  }
  return fn;
}
function lowerLambda2(ctx, node) {
  return lowerFunction2(ctx, node);
}
function responseReturn(ctx, node, value) {
  const span = ctx.span(node);
  if (!value) return [{ kind: "return", span }];
  if (!ctx.scope?.respond) return [{ kind: "return", span, value: lowerExpr3(ctx, value) }];
  const items = value.type === "expression_list" || value.type === "tuple" && namedChildren(value).length > 1 ? namedChildren(value) : [value];
  const rest = items.slice(1).map((item) => ({ kind: "expr", span: ctx.span(item), expr: lowerExpr3(ctx, item) }));
  const body3 = lowerExpr3(ctx, items[0]);
  return [...rest, { kind: "return", span, value: { kind: "call", span: ctx.span(value), callee: { kind: "name", span, name: "$return" }, args: [body3] } }];
}
var TRANSPARENT2 = /* @__PURE__ */ new Set(["parenthesized_expression", "await", "list_splat", "dictionary_splat", "expression_statement"]);
var SEQUENCES = /* @__PURE__ */ new Set(["list", "tuple", "set", "expression_list", "pattern_list"]);
var COMPREHENSIONS = /* @__PURE__ */ new Set(["list_comprehension", "set_comprehension", "generator_expression", "dictionary_comprehension"]);
var TYPES = { str: "string", int: "number", float: "number", bool: "boolean", dict: "object", list: "object" };
function literal3(ctx, node, value) {
  return { kind: "literal", span: ctx.span(node), value };
}
function string(ctx, node) {
  const interpolations = node.children.filter((c) => c.type === "interpolation");
  if (!interpolations.length) return literal3(ctx, node, stringValue3(ctx, node));
  const parts2 = [];
  for (const child of node.children) {
    if (child.type === "string_content" || child.type === "escape_sequence") parts2.push(literal3(ctx, child, ctx.text(child)));
    else if (child.type === "interpolation") {
      const inner = fieldOf(child, "expression") ?? firstNamed(child);
      if (inner) parts2.push(lowerExpr3(ctx, inner));
    }
  }
  return { kind: "concat", span: ctx.span(node), parts: parts2 };
}
function concatenated(ctx, node) {
  const parts2 = namedChildren(node).map((c) => string(ctx, c));
  if (parts2.every((p) => p.kind === "literal")) return literal3(ctx, node, parts2.map((p) => p.kind === "literal" ? String(p.value) : "").join(""));
  return { kind: "concat", span: ctx.span(node), parts: parts2.flatMap((p) => p.kind === "concat" ? p.parts : [p]) };
}
function dotted(ctx, node) {
  if (node.type === "identifier") return ctx.text(node);
  if (node.type !== "attribute") return void 0;
  const object3 = fieldOf(node, "object");
  const attribute2 = fieldOf(node, "attribute");
  const base2 = object3 ? dotted(ctx, object3) : void 0;
  return base2 !== void 0 && attribute2 ? `${base2}.${ctx.text(attribute2)}` : void 0;
}
function moduleOf(ctx, node) {
  const text2 = dotted(ctx, node);
  if (text2 === void 0) return void 0;
  const base2 = text2.split(".")[0];
  if (ctx.isLocal(base2)) return void 0;
  const module2 = ctx.modules.get(text2);
  return module2 !== void 0 ? { kind: "module", span: ctx.span(node), module: module2 } : void 0;
}
function flaskRequest(ctx, node) {
  const span = ctx.span(node);
  return { kind: "member", span, object: { kind: "module", span, module: "flask" }, property: "request" };
}
function identifier2(ctx, node) {
  const name3 = ctx.text(node);
  if (ctx.scope?.self === name3) return { kind: "name", span: ctx.span(node), name: "this" };
  if (ctx.scope?.requestNames.has(name3)) return flaskRequest(ctx, node);
  if (name3 !== ctx.listUse) releaseList(ctx, name3);
  return { kind: "name", span: ctx.span(node), name: name3 };
}
function attribute(ctx, node) {
  const staticPath = ctx.scope?.staticPath;
  if (staticPath !== void 0 && !ctx.isLocal("request") && dotted(ctx, node) === "request.path") return literal3(ctx, node, staticPath);
  const module2 = moduleOf(ctx, node);
  if (module2 && module2.kind === "module" && module2.module.includes(".")) return module2;
  const object3 = fieldOf(node, "object");
  const property = fieldOf(node, "attribute");
  if (object3 && property && ctx.scope?.self === ctx.text(object3) && ctx.requestFields.has(ctx.text(property))) return flaskRequest(ctx, node);
  return { kind: "member", span: ctx.span(node), object: object3 ? lowerExpr3(ctx, object3) : ctx.opaque(node), property: property ? ctx.text(property) : void 0 };
}
function subscript2(ctx, node) {
  const value = fieldOf(node, "value");
  const index = fieldOf(node, "subscript");
  const item = listItem(ctx, node);
  if (item !== void 0) return literal3(ctx, node, item);
  const base2 = value ? withListUse(ctx, value, () => lowerExpr3(ctx, value)) : ctx.opaque(node);
  if (index?.type === "string" && !index.children.some((c) => c.type === "interpolation")) return { kind: "member", span: ctx.span(node), object: base2, property: stringValue3(ctx, index) };
  if (index?.type === "integer") return { kind: "member", span: ctx.span(node), object: base2, property: ctx.text(index) };
  return { kind: "member", span: ctx.span(node), object: base2, property: void 0, index: index ? lowerExpr3(ctx, index) : void 0 };
}
function withListUse(ctx, list, lower7) {
  const saved = ctx.listUse;
  ctx.listUse = list.type === "identifier" ? ctx.text(list) : saved;
  try {
    return lower7();
  } finally {
    ctx.listUse = saved;
  }
}
function argumentsOf2(ctx, node) {
  if (!node) return [];
  if (node.type === "generator_expression") return [lowerExpr3(ctx, node)];
  const positional = [];
  const keywords = [];
  for (const arg of namedChildren(node)) {
    if (arg.type === "keyword_argument") {
      const name3 = fieldOf(arg, "name");
      const value = fieldOf(arg, "value");
      if (value) keywords.push({ key: name3 ? ctx.text(name3) : void 0, value: lowerExpr3(ctx, value), span: ctx.span(arg) });
    } else if (arg.type === "dictionary_splat") {
      const inner = firstNamed(arg);
      if (inner) keywords.push({ key: void 0, value: lowerExpr3(ctx, inner), spread: true, span: ctx.span(arg) });
    } else positional.push(lowerExpr3(ctx, arg));
  }
  if (keywords.length) positional.push({ kind: "object", span: ctx.span(node), entries: keywords });
  return positional;
}
function call2(ctx, node) {
  const fn = fieldOf(node, "function");
  const argsNode = fieldOf(node, "arguments");
  const span = ctx.span(node);
  if (!fn) return ctx.opaque(node);
  noteEntityFeature(ctx, fn, argsNode);
  const validation = callCheck(ctx, node);
  if (validation) return validation;
  const args22 = libraryArgs(ctx, fn, argsNode) ?? argumentsOf2(ctx, argsNode);
  const name3 = fn.type === "identifier" ? ctx.text(fn) : void 0;
  if (name3 === "isinstance" && args22.length === 2) {
    const typeNode = argsNode ? namedChildren(argsNode)[1] : void 0;
    const type = typeNode ? TYPES[ctx.text(typeNode)] : void 0;
    if (type) return { kind: "is-type", span, subject: args22[0], type, negated: false };
  }
  return libraryCall(ctx, node, fn, argsNode, args22) ?? { kind: "call", span, callee: lowerExpr3(ctx, fn), args: args22 };
}
function binary4(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  const operator = fieldOf(node, "operator");
  if (!left || !right) return ctx.opaque(node);
  const op = operator ? ctx.text(operator) : "";
  const parts2 = [lowerExpr3(ctx, left), lowerExpr3(ctx, right)];
  if (op === "+") return { kind: "concat", span: ctx.span(node), parts: parts2.flatMap((p) => p.kind === "concat" ? p.parts : [p]) };
  if (op === "%" && (left.type === "string" || left.type === "concatenated_string" || parts2[0].kind === "concat")) {
    const values = parts2[1].kind === "array" ? parts2[1].items : [parts2[1]];
    return { kind: "concat", span: ctx.span(node), parts: [parts2[0], ...values] };
  }
  if (op === "/") return { kind: "union", span: ctx.span(node), parts: parts2 };
  return ctx.opaque(node, parts2);
}
function boolean(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  const operator = fieldOf(node, "operator");
  if (!left || !right) return ctx.opaque(node);
  const logic = operator && ctx.text(operator) === "and" ? "and" : "or";
  const literal5 = quotedLiteralCheck(ctx, node, logic);
  if (literal5) return literal5;
  return { kind: "union", span: ctx.span(node), parts: [lowerExpr3(ctx, left), lowerExpr3(ctx, right)], logic };
}
function isTest(expr) {
  return expr.kind === "is-type" || expr.kind === "union" && expr.logic !== void 0 && expr.parts.some(isTest);
}
function negate(expr) {
  if (expr.kind === "is-type") return { ...expr, negated: !expr.negated };
  if (expr.kind === "union" && expr.logic) return { ...expr, logic: expr.logic === "and" ? "or" : "and", parts: expr.parts.map(negate) };
  return expr;
}
function not(ctx, node) {
  const argument = fieldOf(node, "argument") ?? firstNamed(node);
  const inner = argument ? lowerExpr3(ctx, argument) : void 0;
  if (inner && isTest(inner)) return { ...negate(inner), span: ctx.span(node) };
  return ctx.opaque(node, inner ? [inner] : []);
}
function conditional(ctx, node) {
  const [then, test, other] = namedChildren(node);
  if (!then || !test || !other) return ctx.opaque(node);
  const folded = foldCondition(ctx, test);
  if (folded === true) return lowerExpr3(ctx, then);
  if (folded === false) return lowerExpr3(ctx, other);
  return { kind: "cond", span: ctx.span(node), test: lowerExpr3(ctx, test), then: lowerExpr3(ctx, then), else: lowerExpr3(ctx, other) };
}
function dictionary(ctx, node) {
  const entries = [];
  for (const child of namedChildren(node)) {
    const span = ctx.span(child);
    if (child.type === "pair") {
      const key = fieldOf(child, "key");
      const value = fieldOf(child, "value");
      if (!value) continue;
      const name3 = key?.type === "string" && !key.children.some((c) => c.type === "interpolation") ? stringValue3(ctx, key) : void 0;
      if (key && name3 === void 0) entries.push({ key: void 0, value: lowerExpr3(ctx, key), span });
      entries.push({ key: name3, value: lowerExpr3(ctx, value), span });
    } else if (child.type === "dictionary_splat") {
      const inner = firstNamed(child);
      if (inner) entries.push({ key: void 0, value: lowerExpr3(ctx, inner), spread: true, span });
    }
  }
  return { kind: "object", span: ctx.span(node), entries };
}
function comprehension(ctx, node) {
  const body3 = fieldOf(node, "body") ?? firstNamed(node);
  const clauses = node.children.filter((c) => c.type === "for_in_clause");
  const conditions = node.children.filter((c) => c.type === "if_clause");
  if (!body3 || !clauses.length) return ctx.opaque(node);
  const build = (i2) => {
    const clause = clauses[i2];
    const left = fieldOf(clause, "left");
    const right = fieldOf(clause, "right");
    const span = ctx.span(clause);
    const inner = i2 + 1 < clauses.length ? build(i2 + 1) : body3.type === "pair" ? dictionary(ctx, { ...node, type: "dictionary", children: [body3] }) : lowerExpr3(ctx, body3);
    const stmts = conditions.map((c) => ({ kind: "expr", span: ctx.span(c), expr: lowerExpr3(ctx, firstNamed(c) ?? c) }));
    stmts.push({ kind: "return", span: ctx.span(body3), value: inner });
    const fn = { id: ctx.id(), name: void 0, span, params: left ? [{ pattern: lowerPattern2(ctx, left), name: left.type === "identifier" ? ctx.text(left) : void 0 }] : [], body: stmts };
    ctx.functions.push(fn);
    const iterable = right ? lowerExpr3(ctx, right) : ctx.opaque(clause);
    return { kind: "call", span: ctx.span(node), callee: { kind: "member", span, object: iterable, property: "map" }, args: [{ kind: "function", span, fn }] };
  };
  return build(0);
}
function constantOf(ctx, node) {
  return constant(ctx, node);
}
function foldCondition(ctx, node) {
  const value = constant(ctx, node);
  return typeof value === "boolean" ? value : void 0;
}
function constant(ctx, node) {
  switch (node.type) {
    case "integer":
    case "float": {
      const n = Number(ctx.text(node).replace(/_/g, ""));
      return Number.isFinite(n) ? n : void 0;
    }
    case "true":
      return true;
    case "false":
      return false;
    case "string":
      return node.children.some((c) => c.type === "interpolation") ? void 0 : stringValue3(ctx, node);
    case "identifier":
      for (let i2 = ctx.scopes.length - 1; i2 >= 0; i2--) {
        const scope = ctx.scopes[i2];
        if (scope.constants.has(ctx.text(node))) return scope.constants.get(ctx.text(node));
        if (scope.known.has(ctx.text(node))) return scope.known.get(ctx.text(node));
        if (scope.locals.has(ctx.text(node))) return void 0;
      }
      return void 0;
    case "parenthesized_expression": {
      const inner = firstNamed(node);
      return inner ? constant(ctx, inner) : void 0;
    }
    case "subscript": {
      const [value, index] = [fieldOf(node, "value"), fieldOf(node, "subscript")];
      const v = value ? constant(ctx, value) : void 0;
      const i2 = index ? constant(ctx, index) : void 0;
      if (typeof v !== "string" || typeof i2 !== "number" || !Number.isInteger(i2)) return void 0;
      return v.at(i2);
    }
    case "unary_operator": {
      const inner = fieldOf(node, "argument");
      const v = inner ? constant(ctx, inner) : void 0;
      const op = fieldOf(node, "operator");
      return typeof v === "number" && op && ctx.text(op) === "-" ? -v : void 0;
    }
    case "not_operator": {
      const inner = fieldOf(node, "argument");
      const v = inner ? constant(ctx, inner) : void 0;
      return typeof v === "boolean" ? !v : void 0;
    }
    case "binary_operator": {
      const [l, r, op] = [fieldOf(node, "left"), fieldOf(node, "right"), fieldOf(node, "operator")];
      const a = l ? constant(ctx, l) : void 0;
      const b = r ? constant(ctx, r) : void 0;
      if (typeof a !== "number" || typeof b !== "number" || !op) return void 0;
      switch (ctx.text(op)) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return b ? a / b : void 0;
        case "//":
          return b ? Math.floor(a / b) : void 0;
        case "%":
          return b ? (a % b + b) % b : void 0;
        default:
          return void 0;
      }
    }
    case "comparison_operator": {
      const operands = namedChildren(node).filter((c) => c.field !== "operators");
      const operators = node.children.filter((c) => c.field === "operators").map((c) => ctx.text(c).replace(/\s+/g, " "));
      if (operands.length !== 2 || operators.length !== 1) return void 0;
      const a = constant(ctx, operands[0]);
      const b = constant(ctx, operands[1]);
      if (a === void 0 || b === void 0 || typeof a !== typeof b) return void 0;
      switch (operators[0]) {
        case "in":
          return typeof a === "string" && typeof b === "string" ? b.includes(a) : void 0;
        case "not in":
          return typeof a === "string" && typeof b === "string" ? !b.includes(a) : void 0;
        case ">":
          return a > b;
        case "<":
          return a < b;
        case ">=":
          return a >= b;
        case "<=":
          return a <= b;
        case "==":
          return a === b;
        case "!=":
          return a !== b;
        default:
          return void 0;
      }
    }
    case "boolean_operator": {
      const [l, r, op] = [fieldOf(node, "left"), fieldOf(node, "right"), fieldOf(node, "operator")];
      const a = l ? constant(ctx, l) : void 0;
      const b = r ? constant(ctx, r) : void 0;
      if (typeof a !== "boolean" || typeof b !== "boolean" || !op) return void 0;
      return ctx.text(op) === "and" ? a && b : a || b;
    }
    default:
      return void 0;
  }
}
var LOWER3 = {
  identifier: identifier2,
  true: (ctx, n) => literal3(ctx, n, true),
  false: (ctx, n) => literal3(ctx, n, false),
  none: (ctx, n) => literal3(ctx, n, null),
  integer: (ctx, n) => literal3(ctx, n, Number(ctx.text(n).replace(/_/g, ""))),
  float: (ctx, n) => literal3(ctx, n, Number(ctx.text(n).replace(/_/g, ""))),
  ellipsis: (ctx, n) => literal3(ctx, n, null),
  string,
  concatenated_string: concatenated,
  attribute,
  subscript: subscript2,
  call: call2,
  binary_operator: binary4,
  boolean_operator: boolean,
  not_operator: not,
  unary_operator: (ctx, n) => ctx.opaque(n, namedChildren(n).map((c) => lowerExpr3(ctx, c))),
  comparison_operator: (ctx, n) => comparisonCheck(ctx, n) ?? ctx.opaque(n, namedChildren(n).filter((c) => c.field !== "operators").map((c) => lowerExpr3(ctx, c))),
  conditional_expression: conditional,
  lambda: (ctx, n) => ({ kind: "function", span: ctx.span(n), fn: lowerLambda2(ctx, n) }),
  dictionary,
  named_expression: (ctx, n) => {
    const name3 = fieldOf(n, "name");
    const value = fieldOf(n, "value");
    if (!name3 || !value) return ctx.opaque(n);
    return { kind: "assign", span: ctx.span(n), target: lowerPattern2(ctx, name3), value: lowerExpr3(ctx, value) };
  }
};
function lowerExpr3(ctx, node) {
  if (TRANSPARENT2.has(node.type)) {
    const inner = firstNamed(node);
    return inner ? lowerExpr3(ctx, inner) : ctx.opaque(node);
  }
  if (SEQUENCES.has(node.type)) return { kind: "array", span: ctx.span(node), items: namedChildren(node).map((c) => lowerExpr3(ctx, c)) };
  if (COMPREHENSIONS.has(node.type)) return comprehension(ctx, node);
  const lower7 = LOWER3[node.type];
  if (lower7) return lower7(ctx, node);
  return ctx.opaque(node, namedChildren(node).map((child) => lowerExpr3(ctx, child)));
}
var NO_RETURN = /^(?:abort|flask\.abort|flask_restful\.abort|werkzeug\.exceptions\.abort|exit|quit|sys\.exit|os\._exit)$/;
var SKIPPED3 = /* @__PURE__ */ new Set(["pass_statement", "break_statement", "continue_statement", "global_statement", "nonlocal_statement", "future_import_statement", "comment", "type_alias_statement"]);
var VIEW_BASES = /(?:^|[.\s,(])(?:\w*View|\w*ViewSet|\w*Mixin)\b/;
function block(ctx, node) {
  if (!node) return [];
  return node.type === "block" ? lowerBlock3(ctx, node) : lowerStatement3(ctx, node);
}
function nested2(ctx, node) {
  const scope = ctx.scope;
  if (scope) scope.depth++;
  try {
    return block(ctx, node);
  } finally {
    if (scope) scope.depth--;
  }
}
function forgetAssigned(ctx, node) {
  const scope = ctx.scope;
  if (!scope || !scope.known.size && !scope.defs.size && !scope.lists.size) return;
  const visit = (n) => {
    if (n.type === "identifier") releaseList(ctx, ctx.text(n));
    if ((n.type === "assignment" || n.type === "augmented_assignment") && fieldOf(n, "left")) forget(ctx, fieldOf(n, "left"));
    if (n.type === "for_statement" && fieldOf(n, "left")) forget(ctx, fieldOf(n, "left"));
    for (const c of n.children) visit(c);
  };
  visit(node);
}
function forget(ctx, target) {
  const scope = ctx.scope;
  if (!scope) return;
  if (target.type === "identifier") {
    scope.known.delete(ctx.text(target));
    scope.defs.delete(ctx.text(target));
    releaseList(ctx, ctx.text(target));
  } else for (const c of namedChildren(target)) if (c.type !== "attribute" && c.type !== "subscript") forget(ctx, c);
}
function remember(ctx, target, value) {
  const scope = ctx.scope;
  if (!scope) {
    if (target.type === "identifier" && value) ctx.moduleDefs.set(ctx.text(target), value);
    else if (target.type === "identifier") ctx.moduleDefs.delete(ctx.text(target));
    return;
  }
  forget(ctx, target);
  if (target.type === "identifier" && value) scope.defs.set(ctx.text(target), value);
  assignList(ctx, target, value);
  noteArgv(ctx, target, value);
  if (target.type !== "identifier" || !value || scope.depth > 0) return;
  const known = constantOf(ctx, value);
  if (known !== void 0) scope.known.set(ctx.text(target), known);
}
function names(pattern2) {
  return pattern2.type === "identifier" || (pattern2.type === "pattern_list" || pattern2.type === "tuple_pattern" || pattern2.type === "tuple") && namedChildren(pattern2).every(names);
}
function assignment3(ctx, node) {
  const left = fieldOf(node, "left");
  let right = fieldOf(node, "right");
  const span = ctx.span(node);
  if (!left) return [];
  if (!right) return [{ kind: "assign", span, target: lowerPattern2(ctx, left), value: void 0 }];
  const chained = [];
  if (right.type === "assignment") {
    chained.push(...assignment3(ctx, right));
    right = fieldOf(right, "left") ?? right;
  }
  const rightNode = right;
  const done = (stmts) => {
    remember(ctx, left, rightNode);
    return stmts;
  };
  const lefts = left.type === "pattern_list" || left.type === "tuple_pattern" ? namedChildren(left) : void 0;
  const rights = right.type === "expression_list" || right.type === "tuple" ? namedChildren(right) : void 0;
  if (lefts && rights && lefts.length === rights.length && lefts.every(names)) {
    const written = new Set(lefts.map((l) => ctx.text(l)));
    const reads = rights.some((r) => [...written].some((w) => new RegExp(`\\b${w}\\b`).test(ctx.text(r))));
    if (!reads) return done([...chained, ...lefts.map((l, i2) => ({ kind: "assign", span: ctx.span(l), target: lowerPattern2(ctx, l), value: lowerValue2(ctx, rights[i2], l) }))]);
  }
  return done([...chained, ...keyWrite(ctx, left), { kind: "assign", span, target: lowerPattern2(ctx, left), value: lowerValue2(ctx, right, left) }]);
}
function keyWrite(ctx, left) {
  const index = left.type === "subscript" ? fieldOf(left, "subscript") : void 0;
  const object3 = fieldOf(left, "value");
  if (!index || !object3 || index.type === "string" || index.type === "integer" || index.type === "slice") return [];
  const span = ctx.span(left);
  const callee = { kind: "member", span: ctx.span(object3), object: lowerExpr3(ctx, object3), property: "__setitem__" };
  return [{ kind: "expr", span, expr: { kind: "call", span, callee, args: [lowerExpr3(ctx, index)] } }];
}
function lowerValue2(ctx, node, target) {
  const value = lowerExpr3(ctx, node);
  if (value.kind === "function" && !value.fn.name && target.type === "identifier") value.fn.name = ctx.text(target);
  return value;
}
function augmented(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  const op = fieldOf(node, "operator");
  if (!left || !right) return [];
  const value = lowerExpr3(ctx, right);
  forget(ctx, left);
  const text2 = op ? ctx.text(op) : "";
  const expr = text2 === "+=" || text2 === "|=" || text2 === "%=" ? { kind: "assign", span: ctx.span(node), target: lowerPattern2(ctx, left), value, append: true } : { kind: "assign", span: ctx.span(node), target: lowerPattern2(ctx, left), value: ctx.opaque(node, [value]) };
  return [{ kind: "expr", span: ctx.span(node), expr }];
}
function expressionStatement3(ctx, node) {
  return namedChildren(node).flatMap((inner) => {
    if (inner.type === "assignment") return assignment3(ctx, inner);
    if (inner.type === "augmented_assignment") return augmented(ctx, inner);
    if (inner.type === "call" && NO_RETURN.test(ctx.text(fieldOf(inner, "function") ?? inner).replace(/\s+/g, ""))) {
      return [{ kind: "throw", span: ctx.span(inner), value: lowerExpr3(ctx, inner) }];
    }
    noteArgvCall(ctx, inner);
    if (listStatement(ctx, inner)) {
      const list = fieldOf(fieldOf(inner, "function") ?? inner, "object") ?? inner;
      return [{ kind: "expr", span: ctx.span(inner), expr: withListUse(ctx, list, () => lowerExpr3(ctx, inner)) }];
    }
    return [{ kind: "expr", span: ctx.span(inner), expr: lowerExpr3(ctx, inner) }];
  });
}
function ifStatement3(ctx, node) {
  const clauses = [{ test: fieldOf(node, "condition"), body: fieldOf(node, "consequence") }];
  for (const alt of fieldsOf(node, "alternative")) {
    if (alt.type === "elif_clause") clauses.push({ test: fieldOf(alt, "condition"), body: fieldOf(alt, "consequence") });
    else clauses.push({ test: void 0, body: fieldOf(alt, "body") ?? firstNamed(alt) });
  }
  const build = (i2) => {
    const clause = clauses[i2];
    if (!clause) return [];
    if (!clause.test) return nested2(ctx, clause.body);
    const folded = foldCondition(ctx, clause.test);
    if (folded === true) return nested2(ctx, clause.body);
    if (folded === false) return build(i2 + 1);
    return [{ kind: "if", span: ctx.span(clause.body ?? node), test: lowerExpr3(ctx, clause.test), then: nested2(ctx, clause.body), else: build(i2 + 1) }];
  };
  return build(0);
}
function forStatement3(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  forgetAssigned(ctx, node);
  const each = left && right ? { target: lowerPattern2(ctx, left), iterable: lowerExpr3(ctx, right) } : void 0;
  const otherwise = fieldOf(node, "alternative");
  return [{ kind: "loop", span: ctx.span(node), head: [], body: nested2(ctx, fieldOf(node, "body")), each }, ...otherwise ? nested2(ctx, fieldOf(otherwise, "body") ?? firstNamed(otherwise)) : []];
}
function whileStatement3(ctx, node) {
  const test = fieldOf(node, "condition");
  forgetAssigned(ctx, node);
  if (test && foldCondition(ctx, test) === false) return [];
  return [{ kind: "loop", span: ctx.span(node), head: [], test: test ? lowerExpr3(ctx, test) : void 0, body: nested2(ctx, fieldOf(node, "body")) }];
}
function tryStatement3(ctx, node) {
  const body3 = nested2(ctx, fieldOf(node, "body"));
  const arms = [];
  let param2;
  let finalizer6 = [];
  for (const child of node.children) {
    if (child.type === "except_clause" || child.type === "except_group_clause") {
      const value = fieldOf(child, "value");
      const alias = value?.type === "as_pattern" ? fieldOf(value, "alias") : fieldOf(child, "alias");
      if (alias && !param2) param2 = lowerPattern2(ctx, alias);
      const inner = child.children.find((c) => c.type === "block");
      arms.push(nested2(ctx, inner));
    } else if (child.type === "else_clause") body3.push(...nested2(ctx, fieldOf(child, "body") ?? firstNamed(child)));
    else if (child.type === "finally_clause") finalizer6 = nested2(ctx, child.children.find((c) => c.type === "block"));
  }
  const handler = arms.length > 1 ? [{ kind: "branches", span: ctx.span(node), arms }] : arms[0] ?? [];
  return [{ kind: "try", span: ctx.span(node), body: body3, handler, param: param2, finalizer: finalizer6 }];
}
function withStatement(ctx, node) {
  const out2 = [];
  const clause = node.children.find((c) => c.type === "with_clause");
  for (const item of clause ? namedChildren(clause) : []) {
    const value = fieldOf(item, "value") ?? firstNamed(item);
    if (!value) continue;
    if (value.type === "as_pattern") {
      const expr = firstNamed(value);
      const alias = fieldOf(value, "alias");
      if (expr && alias) out2.push({ kind: "assign", span: ctx.span(item), target: lowerPattern2(ctx, alias), value: lowerExpr3(ctx, expr) });
      else if (expr) out2.push({ kind: "expr", span: ctx.span(item), expr: lowerExpr3(ctx, expr) });
    } else out2.push({ kind: "expr", span: ctx.span(item), expr: lowerExpr3(ctx, value) });
  }
  return [...out2, ...block(ctx, fieldOf(node, "body"))];
}
function matchStatement(ctx, node) {
  const subject = fieldOf(node, "subject");
  const body3 = fieldOf(node, "body");
  const clauses = (body3 ? namedChildren(body3) : []).filter((c) => c.type === "case_clause");
  const known = subject ? constantOf(ctx, subject) : void 0;
  if (known !== void 0) {
    for (const clause of clauses) {
      const pattern2 = clause.children.find((c) => c.type === "case_pattern");
      if (!pattern2 || clause.children.some((c) => c.field === "guard")) break;
      const inner = namedChildren(pattern2);
      const literals = !inner.length ? void 0 : inner[0].type === "union_pattern" ? namedChildren(inner[0]) : inner;
      if (literals === void 0) return nested2(ctx, fieldOf(clause, "consequence"));
      const values = literals.map((l) => constantOf(ctx, l));
      if (values.some((v) => v === void 0)) break;
      if (values.includes(known)) return nested2(ctx, fieldOf(clause, "consequence"));
    }
  }
  const arms = clauses.map((c) => nested2(ctx, fieldOf(c, "consequence")));
  return [{ kind: "branches", span: ctx.span(node), test: subject ? lowerExpr3(ctx, subject) : void 0, arms }];
}
function classDefinition(ctx, node, decorators = []) {
  const name3 = fieldOf(node, "name");
  const bases = fieldOf(node, "superclasses");
  const view = bases !== void 0 && VIEW_BASES.test(ctx.text(bases));
  const members = [];
  const fields = [];
  const body3 = fieldOf(node, "body");
  const outerFields = ctx.requestFields;
  ctx.requestFields = requestFields(ctx, body3);
  try {
    for (const child of body3 ? namedChildren(body3) : []) {
      const { def, decos } = unwrapDecorated(ctx, child);
      if (def.type === "function_definition") members.push(lowerFunction2(ctx, def, { decorators: decos, method: true, view }));
      else if (def.type === "expression_statement") {
        for (const stmt of expressionStatement3(ctx, def)) if (stmt.kind === "assign" && stmt.target.kind === "name" && stmt.value) fields.push({ name: stmt.target.name, value: stmt.value });
      }
    }
  } finally {
    ctx.requestFields = outerFields;
  }
  void decorators;
  const className = name3 ? ctx.text(name3) : void 0;
  if (className && ctx.scopes.length === 0) exportClass(ctx, className, members, ctx.span(node));
  return [{ kind: "class", span: ctx.span(node), name: className, members, fields }];
}
function exportClass(ctx, className, members, span) {
  let init2 = members.find((m) => m.name === "__init__");
  if (init2) ctx.exports.push({ name: className, fn: init2.id });
  else {
    ctx.exports.push({ name: className, local: className });
    init2 = { id: ctx.id(), name: className, span, params: [], body: [] };
    ctx.functions.push(init2);
  }
  ctx.exports.push({ name: `${className}()`, fn: init2.id });
  for (const m of members) if (m.name && m.name !== "__init__") ctx.exports.push({ name: `${className}().${m.name}`, fn: m.id });
}
function requestFields(ctx, body3) {
  const out2 = /* @__PURE__ */ new Set();
  for (const child of body3 ? namedChildren(body3) : []) {
    const { def } = unwrapDecorated(ctx, child);
    if (def.type === "expression_statement") {
      const assign2 = firstNamed(def);
      const left = assign2?.type === "assignment" ? fieldOf(assign2, "left") : void 0;
      const type = assign2 ? fieldOf(assign2, "type") : void 0;
      if (left?.type === "identifier" && ctx.isRequestType(type && ctx.text(type))) out2.add(ctx.text(left));
    } else if (def.type === "function_definition" && ctx.text(fieldOf(def, "name") ?? def) === "__init__") {
      const params = namedChildren(fieldOf(def, "parameters") ?? def);
      const self = params[0] ? ctx.text(params[0]) : "self";
      const typed = new Set(params.filter((p) => p.type === "typed_parameter" && ctx.isRequestType(ctx.text(fieldOf(p, "type") ?? p))).map((p) => ctx.text(firstNamed(p) ?? p)));
      for (const stmt of namedChildren(fieldOf(def, "body") ?? def)) {
        const assign2 = stmt.type === "expression_statement" ? firstNamed(stmt) : void 0;
        const [left, right] = assign2?.type === "assignment" ? [fieldOf(assign2, "left"), fieldOf(assign2, "right")] : [];
        const target = left?.type === "attribute" && ctx.text(fieldOf(left, "object") ?? left) === self ? fieldOf(left, "attribute") : void 0;
        if (target && right?.type === "identifier" && typed.has(ctx.text(right))) out2.add(ctx.text(target));
      }
    }
  }
  return out2;
}
function unwrapDecorated(ctx, node) {
  if (node.type !== "decorated_definition") return { def: node, decos: [] };
  const decos = node.children.filter((c) => c.type === "decorator").map((d) => ctx.text(d));
  return { def: fieldOf(node, "definition") ?? node, decos };
}
function functionStatement(ctx, node, hint = {}) {
  const fn = lowerFunction2(ctx, node, hint);
  if (fn.name && ctx.scopes.length === 0) ctx.exports.push({ name: fn.name, fn: fn.id });
  return [{ kind: "function", span: ctx.span(node), fn }];
}
var STATEMENTS3 = {
  expression_statement: expressionStatement3,
  if_statement: ifStatement3,
  for_statement: forStatement3,
  while_statement: whileStatement3,
  try_statement: tryStatement3,
  with_statement: withStatement,
  match_statement: matchStatement,
  block: (ctx, n) => lowerBlock3(ctx, n),
  return_statement: (ctx, n) => responseReturn(ctx, n, firstNamed(n)),
  raise_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: "throw", span: ctx.span(n), value: value ? lowerExpr3(ctx, value) : void 0 }];
  },
  function_definition: (ctx, n) => functionStatement(ctx, n),
  class_definition: (ctx, n) => classDefinition(ctx, n),
  decorated_definition: (ctx, n) => {
    const { def, decos } = unwrapDecorated(ctx, n);
    const calls = n.children.filter((c) => c.type === "decorator").map((d) => ({ kind: "expr", span: ctx.span(d), expr: lowerExpr3(ctx, firstNamed(d) ?? d) }));
    if (def.type === "class_definition") return [...calls, ...classDefinition(ctx, def, decos)];
    return [...calls, ...functionStatement(ctx, def, { decorators: decos })];
  },
  import_statement: (ctx, n) => {
    lowerImport3(ctx, n);
    return [];
  },
  import_from_statement: (ctx, n) => {
    lowerImportFrom(ctx, n);
    return [];
  },
  // assert t, msg: past it, t holds (as after `if not t: raise`).
  assert_statement: (ctx, n) => {
    const [test, message] = namedChildren(n);
    if (!test) return [];
    const raise = { kind: "throw", span: ctx.span(n), value: message ? lowerExpr3(ctx, message) : void 0 };
    return [{ kind: "if", span: ctx.span(n), test: lowerExpr3(ctx, test), then: [], else: [raise] }];
  },
  delete_statement: (ctx, n) => {
    const visit = (node) => {
      if (node.type === "identifier") releaseList(ctx, ctx.text(node));
      node.children.forEach(visit);
    };
    visit(n);
    return [];
  },
  print_statement: (ctx, n) => namedChildren(n).map((c) => ({ kind: "expr", span: ctx.span(c), expr: lowerExpr3(ctx, c) })),
  exec_statement: (ctx, n) => namedChildren(n).map((c) => ({ kind: "expr", span: ctx.span(c), expr: lowerExpr3(ctx, c) }))
};
function lowerStatement3(ctx, node) {
  return dispatchStatement(ctx, node, STATEMENTS3, SKIPPED3, lowerExpr3);
}
function lowerBlock3(ctx, node) {
  return node.children.flatMap((child) => lowerStatement3(ctx, child));
}
function prescan(ctx, node) {
  for (const child of node.children) {
    if (child.type === "import_statement") {
      for (const part of child.children) {
        if (part.type !== "dotted_name") continue;
        const segments = ctx.text(part).replace(/\s+/g, "").split(".");
        for (let i2 = 2; i2 <= segments.length; i2++) ctx.modules.set(segments.slice(0, i2).join("."), segments.slice(0, i2).join("."));
        if (segments[0] === "fastapi") ctx.fastapi = true;
      }
    } else if (child.type === "import_from_statement") {
      if (/^from\s+(?:fastapi|starlette)\b/.test(ctx.text(child))) ctx.fastapi = true;
    } else if (child.named && child.children.length) prescan(ctx, child);
  }
}
function lower5(root, source, file) {
  const ctx = new LowerContext5(source, file);
  prescan(ctx, root);
  const body3 = lowerBlock3(ctx, root);
  return { file, language: "python", body: body3, functions: ctx.functions, imports: ctx.imports, exports: ctx.exports };
}
var python = {
  id: "python",
  snippetFile: "snippet.py",
  grammarFor: GRAMMAR_FOR.python,
  lower: lower5,
  resolveModule: resolvePyModule,
  mutators: /* @__PURE__ */ new Set(["append", "extend", "insert", "add", "update", "setdefault", "appendleft", "write", "writelines", "put"]),
  // `map` is how comprehensions are lowered (Python lists have no map method).
  elementCallbacks: /* @__PURE__ */ new Set(["map"]),
  stringMethods: /* @__PURE__ */ new Set([
    "strip",
    "lstrip",
    "rstrip",
    "lower",
    "upper",
    "title",
    "capitalize",
    "casefold",
    "swapcase",
    "replace",
    "format",
    "format_map",
    "join",
    "split",
    "rsplit",
    "splitlines",
    "partition",
    "rpartition",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "expandtabs",
    "removeprefix",
    "removesuffix",
    "encode",
    "decode",
    "translate"
  ]),
  cleanMembers: /* @__PURE__ */ new Set(["__len__", "size", "status_code", "method"]),
  lookups: /^(?:get|has_key|find\w*|filter\w*|lookup\w*|fetch\w*|load\w*|read\w*|select\w*|count\w*|exists\w*|query\w*|all|first|one)$/
};
var LowerContext8 = class extends BaseLowerContext {
  /** Method names declared by the file's classes: `$obj->m()` of one of them also reaches the method's summary. */
  methods = /* @__PURE__ */ new Set();
  /** Classes with a constructor in this file: `new C(…)` calls it (lowered to return `$this`). */
  constructors = /* @__PURE__ */ new Set();
  /** Variables assigned a constant string (a regex kept in `$re`), by name; null once assigned anything else. */
  constants = /* @__PURE__ */ new Map();
  /** The HTML the file prints outside `<?php ?>` before each offset: text nodes in order. */
  html = [];
  /** The HTML printed before `offset` (the last 2,000 characters are enough to know the context). */
  htmlBefore(offset) {
    let out2 = "";
    for (const t of this.html) if (t.start < offset) out2 += t.text;
    return out2.slice(-2e3);
  }
};
function stringValue5(ctx, node) {
  const text2 = ctx.text(node);
  const m = /^[bB]?(['"])([\s\S]*)\1$/.exec(text2);
  return m ? m[2].replace(/\\(['"\\])/g, "$1") : text2;
}
var TYPE_ROLES3 = [
  [/^(?:\w*Request|ServerRequestInterface|RequestInterface)$/, "$req"]
];
function roleOfType3(type) {
  if (!type) return void 0;
  return TYPE_ROLES3.find(([pattern2]) => pattern2.test(type))?.[1];
}
var PARAMETERS = /* @__PURE__ */ new Set(["simple_parameter", "variadic_parameter", "property_promotion_parameter"]);
function param(ctx, node) {
  const nameNode = fieldOf(node, "name");
  const name3 = nameNode ? ctx.text(nameNode).replace(/^[&$]+/, "") : void 0;
  const pattern2 = name3 ? { kind: "name", span: ctx.span(nameNode), name: name3 } : { kind: "none", span: ctx.span(node) };
  const type = fieldOf(node, "type");
  const fallback = fieldOf(node, "default_value");
  const out2 = { pattern: pattern2, name: name3, fallback: fallback ? lowerExpr4(ctx, fallback) : void 0, rest: node.type === "variadic_parameter" };
  const ref = type ? roleOfType3(bareName(ctx.text(type).replace(/^\?/, "").trim())) : void 0;
  if (ref) out2.ref = ref;
  return out2;
}
function lowerFunction3(ctx, node, opts) {
  const params = fieldOf(node, "parameters");
  const bodyNode = fieldOf(node, "body");
  const fn = {
    id: ctx.id(),
    name: opts.name,
    span: ctx.span(node),
    params: params ? namedChildren(params).filter((p) => PARAMETERS.has(p.type)).map((p) => param(ctx, p)) : [],
    body: []
  };
  ctx.functions.push(fn);
  const saved = new Map(ctx.constants);
  let body3 = [];
  if (bodyNode?.type === "compound_statement") body3 = lowerBlock4(ctx, bodyNode);
  else if (bodyNode) body3 = [{ kind: "return", span: ctx.span(bodyNode), value: lowerExpr4(ctx, bodyNode) }];
  ctx.constants.clear();
  for (const [k, v] of saved) ctx.constants.set(k, v);
  if (opts.constructorOf) {
    const span = ctx.span(node);
    const promoted = params ? namedChildren(params).filter((p) => p.type === "property_promotion_parameter") : [];
    for (const p of promoted) {
      const name3 = fieldOf(p, "name");
      if (!name3) continue;
      const key = ctx.text(name3).replace(/^[&$]+/, "");
      body3.unshift({ kind: "assign", span, target: { kind: "member", span, object: { kind: "name", span, name: "this" }, property: key }, value: { kind: "name", span, name: key } });
    }
    const fields = [...new Set([...ctx.text(node).matchAll(/\$this->(\w+)/g)].map((m) => m[1]))];
    const self = { kind: "name", span, name: "this" };
    body3.push({ kind: "return", span, value: { kind: "union", span, parts: [self, ...fields.map((f) => ({ kind: "member", span, object: self, property: f }))] } });
  }
  fn.body = body3;
  return fn;
}
function insideQuote(text2) {
  let quote;
  for (let i2 = 0; i2 < text2.length; i2++) {
    const c = text2[i2];
    if (quote) {
      if (c === "\\") i2++;
      else if (c === quote) quote = void 0;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
  }
  return quote !== void 0;
}
function outputContext(html) {
  const lower7 = html.toLowerCase();
  const comment = lower7.lastIndexOf("<!--");
  if (comment >= 0 && lower7.indexOf("-->", comment + 4) < 0) return "comment";
  for (const tag of ["script", "style"]) {
    const open = lower7.lastIndexOf(`<${tag}`);
    if (open >= 0 && lower7.indexOf(`</${tag}`, open) < 0) {
      const body3 = lower7.indexOf(">", open);
      if (body3 < 0) return "tag";
      return tag === "script" && insideQuote(html.slice(body3 + 1)) && !/(?:setinterval|settimeout|eval)\s*\(\s*['"`][^'"`]*$/.test(lower7) ? "html" : tag;
    }
  }
  const lt = lower7.lastIndexOf("<");
  const gt = lower7.lastIndexOf(">");
  if (lt < 0 || gt > lt) return "html";
  const inTag = html.slice(lt + 1);
  if (!/^[a-zA-Z][\w-]*\s/.test(inTag)) return "tag";
  if (insideQuote(inTag)) {
    const attr = /([\w-]+)\s*=\s*["'][^"']*$/.exec(inTag);
    return attr && attr[1].toLowerCase() === "style" ? "style" : "html";
  }
  return /=\s*$/.test(inTag) ? "unquoted-attribute" : "tag";
}
function outputSink(context) {
  return context === "html" ? "echo" : `echo:${context}`;
}
var TRANSPARENT3 = /* @__PURE__ */ new Set(["parenthesized_expression", "error_suppression_expression", "clone_expression", "reference_modifier", "by_ref"]);
var UNION_OPERATORS2 = /* @__PURE__ */ new Set(["??", "?:"]);
var EQUALITY2 = /* @__PURE__ */ new Set(["==", "===", "!=", "!==", "<>"]);
var NUMERIC_CASTS = /^(?:int|integer|float|double|real|bool|boolean|unset)$/i;
var NUMERIC_TYPES = /^(?:int|integer|float|double|bool|boolean|null)$/i;
var COMMAND_OUTPUT = /* @__PURE__ */ new Set(["shell_exec", "system", "exec", "passthru", "proc_open", "popen"]);
var FILE_CONTENT = /* @__PURE__ */ new Set(["file_get_contents", "file"]);
var NUMERIC_CONVERSIONS = /[bcdeEfFgGhHouxX]/;
function literal4(ctx, node, value) {
  return { kind: "literal", span: ctx.span(node), value };
}
function name2(span, text2) {
  return { kind: "name", span, name: text2 };
}
function bareName(text2) {
  return text2.replace(/^.*\\/, "");
}
function variable(ctx, node) {
  const inner = firstNamed(node);
  if (!inner || inner.type !== "name") return ctx.opaque(node, inner ? [lowerExpr4(ctx, inner)] : []);
  return name2(ctx.span(node), ctx.text(inner));
}
function interpolated(ctx, node, open = 1, close = 1) {
  const parts2 = [];
  for (const child of node.children) {
    if (!child.named) continue;
    if (child.type === "string_content" || child.type === "escape_sequence" || child.type === "string_value") parts2.push(literal4(ctx, child, ctx.text(child)));
    else if (child.type === "heredoc_start" || child.type === "heredoc_end") continue;
    else if (child.type === "heredoc_body") return interpolated(ctx, child, 0, 0);
    else parts2.push(lowerExpr4(ctx, child));
  }
  if (parts2.every((p) => p.kind === "literal")) return literal4(ctx, node, ctx.src.text.slice(node.start + open, node.end - close));
  return { kind: "concat", span: ctx.span(node), parts: parts2 };
}
function subscript3(ctx, node) {
  const [object3, index] = namedChildren(node);
  const base2 = object3 ? lowerExpr4(ctx, object3) : ctx.opaque(node);
  if (index && (index.type === "string" || index.type === "encapsed_string") && !namedChildren(index).some((c) => c.type !== "string_content" && c.type !== "string_value")) {
    return { kind: "member", span: ctx.span(node), object: base2, property: stringValue5(ctx, index) };
  }
  if (index && index.type === "integer") return { kind: "member", span: ctx.span(node), object: base2, property: ctx.text(index) };
  return { kind: "member", span: ctx.span(node), object: base2, property: void 0, index: index ? lowerExpr4(ctx, index) : void 0 };
}
function memberAccess(ctx, node) {
  const object3 = fieldOf(node, "object") ?? fieldOf(node, "scope");
  const prop = fieldOf(node, "name");
  const property = prop ? prop.type === "name" ? ctx.text(prop) : prop.type === "variable_name" ? ctx.text(prop).slice(1) : void 0 : void 0;
  return { kind: "member", span: ctx.span(node), object: object3 ? scopeOrObject(ctx, object3) : ctx.opaque(node), property };
}
function scopeOrObject(ctx, node) {
  if (node.type === "name" || node.type === "qualified_name" || node.type === "relative_scope") return name2(ctx.span(node), bareName(ctx.text(node)));
  return lowerExpr4(ctx, node);
}
function argumentsOf3(ctx, node) {
  if (!node) return [];
  return namedChildren(node).map((arg) => {
    if (arg.type !== "argument") return lowerExpr4(ctx, arg);
    const value = namedChildren(arg).filter((c) => c.field !== "name").at(-1);
    return value ? lowerExpr4(ctx, value) : ctx.opaque(arg);
  });
}
function argNodes(node) {
  if (!node) return [];
  return namedChildren(node).map((arg) => arg.type === "argument" ? namedChildren(arg).filter((c) => c.field !== "name").at(-1) ?? arg : arg);
}
function constantString(ctx, node) {
  if (!node) return void 0;
  if (node.type === "string" || node.type === "encapsed_string" && namedChildren(node).every((c) => c.type === "string_content" || c.type === "escape_sequence")) return stringValue5(ctx, node);
  if (node.type === "variable_name") return ctx.constants.get(ctx.text(node).slice(1)) ?? void 0;
  return void 0;
}
function formatted(ctx, node, args22, format) {
  if (format === void 0) return { kind: "concat", span: ctx.span(node), parts: args22 };
  const parts2 = [];
  const span = ctx.span(node);
  let next = 1;
  let last = 0;
  const re = /%(?:(\d+)\$)?[-+ 0]*(?:'.)?\d*(?:\.\d+)?([%a-zA-Z])/g;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m[2] === "%") continue;
    parts2.push({ kind: "literal", span, value: format.slice(last, m.index) });
    last = m.index + m[0].length;
    const arg = args22[m[1] ? Number(m[1]) : next++];
    if (!arg) continue;
    parts2.push(NUMERIC_CONVERSIONS.test(m[2]) ? { kind: "opaque", span: arg.span, parts: [arg] } : arg);
  }
  parts2.push({ kind: "literal", span, value: format.slice(last) });
  return { kind: "concat", span, parts: parts2 };
}
function isAllowListRegex(regex) {
  const m = /^([^a-zA-Z0-9\s\\])([\s\S]*)\1([a-zA-Z]*)$/.exec(regex) ?? /^\(([\s\S]*)\)([a-zA-Z]*)$/.exec(regex);
  if (!m) return false;
  const [body3, flags2] = m.length === 4 ? [m[2], m[3]] : [m[1], m[2]];
  if (flags2.includes("m")) return false;
  const inner = /^(?:\^|\\A)([\s\S]*)(?:\$|\\z|\\Z)$/.exec(body3)?.[1];
  if (inner === void 0) return false;
  const atom = String.raw`(?:\[(?:[a-zA-Z0-9]-[a-zA-Z0-9]|[a-zA-Z0-9_]|\\d|\\w)+\]|\\d|\\w|[a-zA-Z0-9_])(?:[*+?]|\{\d+(?:,\d*)?\})?`;
  return new RegExp(`^(?:${atom})+$`).test(inner);
}
function isConstantScalar(node) {
  if (node.type === "string" || node.type === "integer" || node.type === "float" || node.type === "boolean") return true;
  return node.type === "encapsed_string" && namedChildren(node).every((c) => c.type === "string_content" || c.type === "escape_sequence");
}
function allowList(ctx, node, negated) {
  const [subject, haystack] = argNodes(fieldOf(node, "arguments"));
  if (!subject || !haystack) return void 0;
  const constant2 = haystack.type === "array_creation_expression" ? namedChildren(haystack).every((el) => namedChildren(el).every(isConstantScalar)) : haystack.type === "variable_name" && ctx.constants.get(`[]${ctx.text(haystack).slice(1)}`) === "";
  if (!constant2) return void 0;
  return { kind: "is-type", span: ctx.span(node), subject: lowerExpr4(ctx, subject), type: "number", negated };
}
function pregTest(ctx, node, negated) {
  if (node.type === "parenthesized_expression") {
    const inner = firstNamed(node);
    return inner ? pregTest(ctx, inner, negated) : void 0;
  }
  if (node.type !== "function_call_expression") return void 0;
  const fn = fieldOf(node, "function");
  if (fn && bareName(ctx.text(fn)).toLowerCase() === "in_array") return allowList(ctx, node, negated);
  if (!fn || bareName(ctx.text(fn)).toLowerCase() !== "preg_match") return void 0;
  const [pattern2, subject] = argNodes(fieldOf(node, "arguments"));
  const regex = constantString(ctx, pattern2);
  if (!subject || regex === void 0 || !isAllowListRegex(regex)) return void 0;
  return { kind: "is-type", span: ctx.span(node), subject: lowerExpr4(ctx, subject), type: "number", negated };
}
function conditionTest(ctx, node) {
  return pregTest(ctx, node, false);
}
function calleeName(ctx, fn) {
  if (!fn || fn.type !== "name" && fn.type !== "qualified_name") return void 0;
  return bareName(ctx.text(fn)).toLowerCase();
}
function keywordSpan(ctx, node, keyword) {
  return ctx.src.span(node.start, node.start + keyword.length);
}
function output(ctx, node, calleeSpan, args22) {
  const lead = args22[0]?.kind === "concat" ? args22[0].parts.filter((p, i2, all) => all.slice(0, i2 + 1).every((q) => q.kind === "literal")).map((p) => p.kind === "literal" ? String(p.value ?? "") : "").join("") : "";
  const context = outputContext(ctx.htmlBefore(node.start) + lead);
  return { kind: "call", span: ctx.span(node), callee: name2(calleeSpan, outputSink(context)), args: args22 };
}
function pcre(pattern2) {
  const m = pattern2 === void 0 ? null : /^([^\w\s\\])([\s\S]*)([^\w\s\\])([imsuU]*)$/.exec(pattern2);
  if (!m || m[3] !== ({ "{": "}", "(": ")", "[": "]", "<": ">" }[m[1]] ?? m[1])) return void 0;
  try {
    return new RegExp(m[2], `g${m[4].replace(/U/g, "")}`);
  } catch {
    return void 0;
  }
}
function constantStrings(ctx, node) {
  if (node?.type !== "array_creation_expression") {
    const one = constantString(ctx, node);
    return one === void 0 ? void 0 : [one];
  }
  const items = namedChildren(node).map((e) => e.type === "array_element_initializer" && namedChildren(e).length === 1 ? constantString(ctx, namedChildren(e)[0]) : void 0);
  return items.every((x) => x !== void 0) && items.length ? items : void 0;
}
function stripsSingleQuotes(regex, replacement) {
  if (!regex || replacement === void 0 || replacement.includes("'") || /\$\d|\\\d/.test(replacement)) return false;
  return !"'a'' b '''c'".replace(regex, replacement).includes("'");
}
function quoteStripped(call3) {
  return { ...call3, callee: { kind: "member", span: call3.callee.span, object: call3.callee, property: "strip_single_quotes" } };
}
function synthetic(span, callee, args22 = []) {
  return { kind: "call", span, callee: name2(span, callee), args: args22 };
}
function functionCall(ctx, node) {
  const fn = fieldOf(node, "function");
  const argsNode = fieldOf(node, "arguments");
  const nodes = argNodes(argsNode);
  const args22 = argumentsOf3(ctx, argsNode);
  const span = ctx.span(node);
  const called = calleeName(ctx, fn);
  const callee = fn ? called ? name2(ctx.span(fn), bareName(ctx.text(fn))) : lowerExpr4(ctx, fn) : ctx.opaque(node);
  const call3 = { kind: "call", span, callee, args: args22 };
  switch (called) {
    case "sprintf":
    case "vsprintf":
      return formatted(ctx, node, called === "vsprintf" && args22[1]?.kind === "array" ? [args22[0], ...args22[1].items] : args22, constantString(ctx, nodes[0]));
    case "printf":
      return output(ctx, node, ctx.span(fn), [formatted(ctx, node, args22, constantString(ctx, nodes[0]))]);
    case "print_r":
    case "var_dump":
    case "vprintf":
      return output(ctx, node, ctx.span(fn), args22.slice(0, 1));
    case "filter_var": {
      const filter = nodes[1]?.type === "name" ? ctx.text(nodes[1]) : void 0;
      return filter ? { ...call3, callee: { kind: "member", span: callee.span, object: callee, property: filter } } : call3;
    }
    case "filter_input": {
      const type = nodes[0] ? ctx.text(nodes[0]).replace(/^INPUT_/, "_") : "";
      const key = constantString(ctx, nodes[1]);
      if (!/^_(?:GET|POST|COOKIE|SERVER|ENV|REQUEST)$/.test(type)) return call3;
      const read = { kind: "member", span, object: name2(span, type), property: key };
      const filter = nodes[2]?.type === "name" ? ctx.text(nodes[2]) : void 0;
      const filterVar = name2(callee.span, "filter_var");
      return { kind: "call", span, callee: filter ? { kind: "member", span: callee.span, object: filterVar, property: filter } : filterVar, args: [read] };
    }
    case "settype": {
      const type = constantString(ctx, nodes[1]);
      const target = nodes[0] ? lowerTarget2(ctx, nodes[0]) : void 0;
      if (!target || type === void 0 || !NUMERIC_TYPES.test(type)) return call3;
      return { kind: "assign", span, target, value: { kind: "opaque", span, parts: [args22[0]] } };
    }
    case "preg_replace": {
      const regex = constantString(ctx, nodes[0]);
      const replacement = constantString(ctx, nodes[1]);
      if (regex !== void 0 && replacement === "" && /^(.)(?:\\W|\[\^(?:a-z|A-Z|0-9|_|\\w|\\d)+\])\+?\1[a-zA-Z]*$/.test(regex)) return { kind: "opaque", span, parts: args22 };
      return stripsSingleQuotes(pcre(regex), replacement) ? quoteStripped(call3) : call3;
    }
    case "str_replace": {
      const search = constantStrings(ctx, nodes[0]);
      const replacement = constantString(ctx, nodes[1]);
      const regex = search && new RegExp(search.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
      return stripsSingleQuotes(regex, replacement) ? quoteStripped(call3) : call3;
    }
    case "preg_match": {
      const target = nodes[2] ? lowerTarget2(ctx, nodes[2]) : void 0;
      return target && args22[1] ? { kind: "union", span, parts: [call3, { kind: "assign", span, target, value: args22[1] }] } : call3;
    }
    case "parse_str":
    case "mb_parse_str": {
      const target = nodes[1] ? lowerTarget2(ctx, nodes[1]) : void 0;
      return target && args22[0] ? { kind: "union", span, parts: [call3, { kind: "assign", span, target, value: args22[0] }] } : call3;
    }
    case "unserialize":
      return { kind: "union", span, parts: [call3, synthetic(span, "__unserialized", args22.slice(0, 1))] };
    case "isset":
    case "empty":
    case "is_numeric":
    case "is_int":
    case "ctype_digit":
    case "ctype_alnum":
      return { kind: "opaque", span, parts: args22 };
  }
  if (called && COMMAND_OUTPUT.has(called)) {
    const parts2 = [call3, synthetic(span, "__command_output")];
    const out2 = called === "exec" && nodes[1] ? lowerTarget2(ctx, nodes[1]) : void 0;
    if (out2) parts2.push({ kind: "assign", span, target: out2, value: synthetic(span, "__command_output") });
    return { kind: "union", span, parts: parts2 };
  }
  if (called && FILE_CONTENT.has(called)) return { kind: "union", span, parts: [call3, synthetic(span, "__file_contents")] };
  return call3;
}
function memberCall(ctx, node) {
  const object3 = fieldOf(node, "object") ?? fieldOf(node, "scope");
  const method = fieldOf(node, "name");
  const args22 = argumentsOf3(ctx, fieldOf(node, "arguments"));
  const span = ctx.span(node);
  const property = method?.type === "name" ? ctx.text(method) : void 0;
  const base2 = object3 ? scopeOrObject(ctx, object3) : ctx.opaque(node);
  const call3 = { kind: "call", span, callee: { kind: "member", span: ctx.src.span(node.start, method?.end ?? node.end), object: base2, property }, args: args22 };
  if (property && ctx.methods.has(property) && !(base2.kind === "name" && base2.name === "this")) {
    return { kind: "union", span, parts: [{ kind: "call", span, callee: name2(call3.callee.span, property), args: args22 }, call3] };
  }
  return call3;
}
function construct2(ctx, node) {
  const cls = namedChildren(node).find((c) => c.type === "name" || c.type === "qualified_name" || c.type === "variable_name");
  const argsNode = node.children.find((c) => c.type === "arguments");
  const args22 = argumentsOf3(ctx, argsNode);
  const className = cls && cls.type !== "variable_name" ? bareName(ctx.text(cls)) : void 0;
  const callee = cls ? className ? name2(ctx.span(cls), className) : lowerExpr4(ctx, cls) : ctx.opaque(node);
  return { kind: "call", span: ctx.span(node), callee: className && ctx.constructors.has(className) ? name2(callee.span, `new ${className}`) : callee, args: args22, construct: true };
}
function binary5(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  const operator = fieldOf(node, "operator");
  if (!left || !right || !operator) return ctx.opaque(node);
  const op = ctx.text(operator).toLowerCase();
  if (EQUALITY2.has(op)) {
    const [call3, other] = left.type === "integer" || left.type === "boolean" ? [right, left] : [left, right];
    const value = ctx.text(other).toLowerCase();
    if (value === "1" || value === "true" || value === "0" || value === "false") {
      const positive = (value === "1" || value === "true") === (op === "==" || op === "===");
      const test = pregTest(ctx, call3, !positive);
      if (test) return test;
    }
  }
  const parts2 = [lowerExpr4(ctx, left), lowerExpr4(ctx, right)];
  if (op === ".") return { kind: "concat", span: ctx.span(node), parts: parts2.flatMap((p) => p.kind === "concat" ? p.parts : [p]) };
  if (UNION_OPERATORS2.has(op)) return { kind: "union", span: ctx.span(node), parts: parts2 };
  return { kind: "opaque", span: ctx.span(node), parts: parts2 };
}
function unary2(ctx, node) {
  const argument = fieldOf(node, "argument") ?? namedChildren(node).at(-1);
  if (argument && ctx.text(node).trimStart().startsWith("!")) {
    const test = pregTest(ctx, argument, true);
    if (test) return test;
  }
  const inner = argument ? lowerExpr4(ctx, argument) : void 0;
  if (inner?.kind === "is-type" && ctx.text(node).trimStart().startsWith("!")) return { ...inner, span: ctx.span(node), negated: !inner.negated };
  return ctx.opaque(node, inner ? [inner] : []);
}
function lowerTarget2(ctx, node) {
  const span = ctx.span(node);
  switch (node.type) {
    case "variable_name": {
      const expr = variable(ctx, node);
      return expr.kind === "name" ? { kind: "name", span, name: expr.name } : void 0;
    }
    case "by_ref":
    case "reference_modifier":
    case "parenthesized_expression": {
      const inner = firstNamed(node);
      return inner ? lowerTarget2(ctx, inner) : void 0;
    }
    case "subscript_expression":
    case "member_access_expression":
    case "nullsafe_member_access_expression":
    case "scoped_property_access_expression": {
      const expr = node.type === "subscript_expression" ? subscript3(ctx, node) : memberAccess(ctx, node);
      if (expr.kind !== "member") return void 0;
      return { kind: "member", span, object: expr.object, property: expr.property };
    }
    case "list_literal":
    case "array_creation_expression": {
      const items = [];
      const props = [];
      for (const child of namedChildren(node)) {
        const el = child.type === "array_element_initializer" ? namedChildren(child) : [child];
        if (el.length === 2) {
          const target = lowerTarget2(ctx, el[1]);
          if (target) props.push({ key: el[0].type === "string" ? stringValue5(ctx, el[0]) : ctx.text(el[0]), value: target });
        } else if (el.length === 1) items.push(lowerTarget2(ctx, el[0]));
      }
      return props.length ? { kind: "object", span, props } : { kind: "array", span, items };
    }
    default:
      return void 0;
  }
}
function assignment4(ctx, node) {
  const left = fieldOf(node, "left");
  const right = fieldOf(node, "right");
  if (!left || !right) return ctx.opaque(node);
  const value = lowerExpr4(ctx, right);
  if (left.type === "subscript_expression" && namedChildren(left).length === 1 && node.type !== "augmented_assignment_expression") {
    const arrayTarget = lowerTarget2(ctx, namedChildren(left)[0]);
    if (arrayTarget) return { kind: "assign", span: ctx.span(node), target: arrayTarget, value, append: true };
  }
  if (left.type === "variable_name") {
    const isConstantArray = right.type === "array_creation_expression" && namedChildren(right).every((el) => namedChildren(el).every(isConstantScalar));
    const key = `[]${ctx.text(left).slice(1)}`;
    ctx.constants.set(key, isConstantArray && !ctx.constants.has(key) ? "" : null);
  }
  const target = lowerTarget2(ctx, left) ?? { kind: "none", span: ctx.span(left) };
  if (target.kind === "name") {
    const constant2 = value.kind === "literal" && typeof value.value === "string" && node.type === "assignment_expression" ? value.value : void 0;
    const known = ctx.constants.get(target.name);
    ctx.constants.set(target.name, constant2 !== void 0 && (known === void 0 ? !ctx.constants.has(target.name) : known === constant2) ? constant2 : null);
  }
  if (node.type !== "augmented_assignment_expression") return { kind: "assign", span: ctx.span(node), target, value };
  const op = fieldOf(node, "operator");
  const text2 = op ? ctx.text(op) : "";
  if (text2 === ".=" || text2 === "??=") return { kind: "assign", span: ctx.span(node), target, value, append: true };
  return { kind: "assign", span: ctx.span(node), target, value: ctx.opaque(node, [value]) };
}
function arrayLiteral(ctx, node) {
  const entries = [];
  const items = [];
  for (const child of namedChildren(node)) {
    const el = child.type === "array_element_initializer" ? namedChildren(child) : [child];
    const spread = child.children.some((c) => c.type === "variadic_unpacking");
    if (el.length === 2) {
      const key = el[0].type === "string" ? stringValue5(ctx, el[0]) : el[0].type === "integer" ? ctx.text(el[0]) : void 0;
      entries.push({ key, value: lowerExpr4(ctx, el[1]), span: ctx.span(child) });
    } else if (el.length === 1) {
      const value = lowerExpr4(ctx, el[0]);
      if (spread) entries.push({ key: void 0, value, spread: true, span: ctx.span(child) });
      else items.push(value);
    }
  }
  if (!entries.length) return { kind: "array", span: ctx.span(node), items };
  return { kind: "object", span: ctx.span(node), entries: [...items.map((value, i2) => ({ key: String(i2), value, span: value.span })), ...entries] };
}
function include(ctx, node) {
  const keyword = node.type.replace(/_expression$/, "");
  const arg = firstNamed(node);
  return { kind: "call", span: ctx.span(node), callee: name2(keywordSpan(ctx, node, keyword), keyword), args: arg ? [lowerExpr4(ctx, arg)] : [] };
}
var LOWER4 = {
  variable_name: variable,
  name: (ctx, n) => {
    const text2 = ctx.text(n).toLowerCase();
    if (text2 === "true" || text2 === "false") return literal4(ctx, n, text2 === "true");
    if (text2 === "null") return literal4(ctx, n, null);
    return literal4(ctx, n, ctx.text(n));
  },
  qualified_name: (ctx, n) => literal4(ctx, n, ctx.text(n)),
  boolean: (ctx, n) => literal4(ctx, n, ctx.text(n).toLowerCase() === "true"),
  null: (ctx, n) => literal4(ctx, n, null),
  integer: (ctx, n) => literal4(ctx, n, Number(ctx.text(n))),
  float: (ctx, n) => literal4(ctx, n, Number(ctx.text(n))),
  string: (ctx, n) => literal4(ctx, n, stringValue5(ctx, n)),
  nowdoc: (ctx, n) => literal4(ctx, n, ctx.text(n)),
  encapsed_string: (ctx, n) => interpolated(ctx, n),
  heredoc: (ctx, n) => interpolated(ctx, n),
  shell_command_expression: (ctx, n) => {
    const span = ctx.span(n);
    const command = interpolated(ctx, n);
    return { kind: "union", span, parts: [{ kind: "call", span, callee: name2(ctx.src.span(n.start, n.start + 1), "shell_exec"), args: [command] }, synthetic(span, "__command_output")] };
  },
  subscript_expression: subscript3,
  member_access_expression: memberAccess,
  nullsafe_member_access_expression: memberAccess,
  scoped_property_access_expression: memberAccess,
  class_constant_access_expression: (ctx, n) => literal4(ctx, n, ctx.text(n)),
  function_call_expression: functionCall,
  member_call_expression: memberCall,
  nullsafe_member_call_expression: memberCall,
  scoped_call_expression: memberCall,
  object_creation_expression: construct2,
  binary_expression: binary5,
  unary_op_expression: unary2,
  update_expression: (ctx, n) => ctx.opaque(n, namedChildren(n).map((c) => lowerExpr4(ctx, c))),
  cast_expression: (ctx, n) => {
    const type = fieldOf(n, "type");
    const value = fieldOf(n, "value") ?? namedChildren(n).at(-1);
    const inner = value ? lowerExpr4(ctx, value) : ctx.opaque(n);
    return type && NUMERIC_CASTS.test(ctx.text(type).trim()) ? ctx.opaque(n, [inner]) : inner;
  },
  conditional_expression: (ctx, n) => {
    const test = fieldOf(n, "condition");
    const then = fieldOf(n, "body");
    const other = fieldOf(n, "alternative");
    if (!test || !other) return ctx.opaque(n);
    if (!then) return { kind: "union", span: ctx.span(n), parts: [lowerExpr4(ctx, test), lowerExpr4(ctx, other)] };
    return { kind: "cond", span: ctx.span(n), test: lowerExpr4(ctx, test), then: lowerExpr4(ctx, then), else: lowerExpr4(ctx, other) };
  },
  assignment_expression: assignment4,
  reference_assignment_expression: assignment4,
  augmented_assignment_expression: assignment4,
  array_creation_expression: arrayLiteral,
  sequence_expression: (ctx, n) => ({ kind: "union", span: ctx.span(n), parts: namedChildren(n).map((c) => lowerExpr4(ctx, c)) }),
  include_expression: include,
  include_once_expression: include,
  require_expression: include,
  require_once_expression: include,
  print_intrinsic: (ctx, n) => {
    const arg = firstNamed(n);
    return output(ctx, n, keywordSpan(ctx, n, "print"), arg ? [lowerExpr4(ctx, arg)] : []);
  },
  anonymous_function: (ctx, n) => ({ kind: "function", span: ctx.span(n), fn: lowerFunction3(ctx, n, {}) }),
  arrow_function: (ctx, n) => ({ kind: "function", span: ctx.span(n), fn: lowerFunction3(ctx, n, {}) })
};
function lowerExpr4(ctx, node) {
  if (TRANSPARENT3.has(node.type)) {
    const inner = firstNamed(node);
    return inner ? lowerExpr4(ctx, inner) : ctx.opaque(node);
  }
  const lower7 = LOWER4[node.type];
  if (lower7) return lower7(ctx, node);
  return ctx.opaque(node, namedChildren(node).map((child) => lowerExpr4(ctx, child)));
}
var SKIPPED4 = /* @__PURE__ */ new Set([
  "php_tag",
  "php_end_tag",
  "text",
  "text_interpolation",
  "comment",
  "empty_statement",
  "break_statement",
  "continue_statement",
  "global_declaration",
  "namespace_use_declaration",
  "const_declaration",
  "interface_declaration",
  "declare_statement",
  "goto_statement",
  "named_label_statement"
]);
var CLASS_LIKE = /* @__PURE__ */ new Set(["class_declaration", "trait_declaration", "enum_declaration"]);
function body22(ctx, node) {
  if (!node) return [];
  if (node.type === "compound_statement" || node.type === "colon_block" || node.type === "switch_block") return lowerBlock4(ctx, node);
  return lowerStatement4(ctx, node);
}
function condition(ctx, node) {
  const test = fieldOf(node, "condition");
  if (!test) return ctx.opaque(node);
  const inner = test.type === "parenthesized_expression" ? firstNamed(test) : test;
  return (inner && conditionTest(ctx, inner)) ?? lowerExpr4(ctx, test);
}
function ifStatement4(ctx, node) {
  const alternatives = fieldsOf(node, "alternative");
  const build = (index) => {
    const alt = alternatives[index];
    if (!alt) return [];
    if (alt.type === "else_clause") return body22(ctx, fieldOf(alt, "body") ?? firstNamed(alt));
    return [{ kind: "if", span: ctx.span(alt), test: condition(ctx, alt), then: body22(ctx, fieldOf(alt, "body")), else: build(index + 1) }];
  };
  return [{ kind: "if", span: ctx.span(node), test: condition(ctx, node), then: body22(ctx, fieldOf(node, "body")), else: build(0) }];
}
function echo(ctx, node) {
  const arg = firstNamed(node);
  const args22 = !arg ? [] : arg.type === "sequence_expression" ? namedChildren(arg).map((c) => lowerExpr4(ctx, c)) : [lowerExpr4(ctx, arg)];
  return args22.map((a) => ({ kind: "expr", span: a.span, expr: output(ctx, node, ctx.src.span(node.start, node.start + 4), [a]) }));
}
function expressionStatement4(ctx, node) {
  const inner = firstNamed(node);
  if (!inner) return [];
  if (inner.type === "throw_expression") {
    const value = firstNamed(inner);
    return [{ kind: "throw", span: ctx.span(node), value: value ? lowerExpr4(ctx, value) : void 0 }];
  }
  if (inner.type === "function_call_expression" && /^(?:die|exit)$/i.test(ctx.text(fieldOf(inner, "function") ?? inner))) {
    return [{ kind: "throw", span: ctx.span(node), value: { kind: "opaque", span: ctx.span(inner), parts: argumentsOf3(ctx, fieldOf(inner, "arguments")) } }];
  }
  return [{ kind: "expr", span: ctx.span(node), expr: lowerExpr4(ctx, inner) }];
}
function forStatement4(ctx, node) {
  const head = fieldsOf(node, "initialize").map((n) => ({ kind: "expr", span: ctx.span(n), expr: lowerExpr4(ctx, n) }));
  const test = fieldsOf(node, "condition")[0];
  const loopBody = body22(ctx, fieldOf(node, "body"));
  for (const update of fieldsOf(node, "update")) loopBody.push({ kind: "expr", span: ctx.span(update), expr: lowerExpr4(ctx, update) });
  return [{ kind: "loop", span: ctx.span(node), head, test: test ? lowerExpr4(ctx, test) : void 0, body: loopBody }];
}
function foreachStatement(ctx, node) {
  const parts2 = namedChildren(node).filter((c) => c.field !== "body");
  const [iterable, binding] = parts2;
  const loopBody = body22(ctx, fieldOf(node, "body") ?? parts2[2]);
  if (!iterable || !binding) return [{ kind: "loop", span: ctx.span(node), head: [], body: loopBody }];
  const [keyNode, valueNode] = binding.type === "pair" ? namedChildren(binding) : [void 0, binding];
  const target = valueNode ? lowerTarget2(ctx, valueNode) : void 0;
  const key = keyNode ? lowerTarget2(ctx, keyNode) : void 0;
  const iter = lowerExpr4(ctx, iterable);
  const head = [];
  if (key) loopBody.unshift({ kind: "assign", span: ctx.span(keyNode), target: key, value: { kind: "member", span: iter.span, object: iter, property: void 0 } });
  return [{ kind: "loop", span: ctx.span(node), head, body: loopBody, each: target ? { target, iterable: iter } : void 0 }];
}
function switchStatement3(ctx, node) {
  const block2 = fieldOf(node, "body");
  const arms = (block2 ? namedChildren(block2) : []).filter((c) => c.type === "case_statement" || c.type === "default_statement").map((c) => namedChildren(c).filter((s) => s.field !== "value").flatMap((s) => lowerStatement4(ctx, s)));
  if (!arms.length) arms.push([]);
  if (!(block2 ? namedChildren(block2) : []).some((c) => c.type === "default_statement")) arms.push([]);
  return [{ kind: "branches", span: ctx.span(node), test: condition(ctx, node), arms }];
}
function tryStatement4(ctx, node) {
  const catches = node.children.filter((c) => c.type === "catch_clause");
  const finalizer6 = node.children.find((c) => c.type === "finally_clause");
  const handler = catches.flatMap((c) => body22(ctx, fieldOf(c, "body")));
  const name3 = catches[0] ? fieldOf(catches[0], "name") : void 0;
  return [{
    kind: "try",
    span: ctx.span(node),
    body: body22(ctx, fieldOf(node, "body")),
    handler,
    param: name3 ? lowerTarget2(ctx, name3) : void 0,
    finalizer: finalizer6 ? body22(ctx, fieldOf(finalizer6, "body")) : []
  }];
}
function classDeclaration(ctx, node) {
  const nameNode = fieldOf(node, "name");
  const className = nameNode ? ctx.text(nameNode) : void 0;
  const decls = fieldOf(node, "body");
  const out2 = [];
  for (const member4 of decls ? namedChildren(decls) : []) {
    if (member4.type !== "method_declaration") continue;
    const method = fieldOf(member4, "name");
    const methodName2 = method ? ctx.text(method) : void 0;
    const isConstructor = methodName2?.toLowerCase() === "__construct" && className !== void 0;
    const fn = lowerFunction3(ctx, member4, { name: isConstructor ? `new ${className}` : methodName2, constructorOf: isConstructor ? className : void 0 });
    out2.push({ kind: "function", span: ctx.span(member4), fn });
  }
  return out2;
}
var LOWER5 = {
  expression_statement: expressionStatement4,
  echo_statement: echo,
  compound_statement: (ctx, n) => lowerBlock4(ctx, n),
  colon_block: (ctx, n) => lowerBlock4(ctx, n),
  if_statement: ifStatement4,
  while_statement: (ctx, n) => [{ kind: "loop", span: ctx.span(n), head: [], test: condition(ctx, n), body: body22(ctx, fieldOf(n, "body")) }],
  do_statement: (ctx, n) => [{ kind: "loop", span: ctx.span(n), head: [], test: condition(ctx, n), body: body22(ctx, fieldOf(n, "body")) }],
  for_statement: forStatement4,
  foreach_statement: foreachStatement,
  switch_statement: switchStatement3,
  try_statement: tryStatement4,
  return_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: "return", span: ctx.span(n), value: value ? lowerExpr4(ctx, value) : void 0 }];
  },
  exit_statement: (ctx, n) => [{ kind: "throw", span: ctx.span(n), value: { kind: "opaque", span: ctx.span(n), parts: namedChildren(n).map((c) => lowerExpr4(ctx, c)) } }],
  unset_statement: (ctx, n) => namedChildren(n).flatMap((c) => {
    const target = lowerTarget2(ctx, c);
    return target ? [{ kind: "assign", span: ctx.span(c), target, value: { kind: "literal", span: ctx.span(c), value: null } }] : [];
  }),
  function_definition: (ctx, n) => {
    const name3 = fieldOf(n, "name");
    return [{ kind: "function", span: ctx.span(n), fn: lowerFunction3(ctx, n, { name: name3 ? ctx.text(name3) : void 0 }) }];
  },
  namespace_definition: (ctx, n) => body22(ctx, fieldOf(n, "body")),
  static_variable_declaration: (ctx, n) => namedChildren(n).flatMap((v) => {
    const name3 = fieldOf(v, "name");
    const value = fieldOf(v, "value");
    const target = name3 ? lowerTarget2(ctx, name3) : void 0;
    return target ? [{ kind: "assign", span: ctx.span(v), target, value: value ? lowerExpr4(ctx, value) : void 0 }] : [];
  })
};
function lowerStatement4(ctx, node) {
  if (SKIPPED4.has(node.type)) return [];
  if (CLASS_LIKE.has(node.type)) return classDeclaration(ctx, node);
  const lower7 = LOWER5[node.type];
  if (lower7) return lower7(ctx, node);
  if (!node.named) return [];
  return [{ kind: "expr", span: ctx.span(node), expr: lowerExpr4(ctx, node) }];
}
function lowerBlock4(ctx, node) {
  const out2 = [];
  let shortEcho;
  for (const child of node.children) {
    const tag = child.type === "php_tag" ? child : child.type === "text_interpolation" ? child.children.at(-1) : void 0;
    if (tag) {
      shortEcho = tag.type === "php_tag" && ctx.text(tag) === "<?=" ? tag : void 0;
      continue;
    }
    if (shortEcho && child.type === "expression_statement") {
      const inner = firstNamed(child);
      if (inner) out2.push({ kind: "expr", span: ctx.span(child), expr: output(ctx, child, ctx.span(shortEcho), [lowerExpr4(ctx, inner)]) });
      shortEcho = void 0;
      continue;
    }
    shortEcho = void 0;
    out2.push(...lowerStatement4(ctx, child));
  }
  return out2;
}
function survey(ctx, node, className) {
  if (node.type === "text") ctx.html.push({ start: node.start, text: ctx.text(node) });
  let cls = className;
  if (node.type === "class_declaration" || node.type === "trait_declaration") {
    const name3 = fieldOf(node, "name");
    cls = name3 ? ctx.text(name3) : void 0;
  }
  if (node.type === "method_declaration") {
    const name3 = fieldOf(node, "name");
    const method = name3 ? ctx.text(name3) : "";
    if (method.toLowerCase() === "__construct") {
      if (cls) ctx.constructors.add(cls);
    } else if (method) ctx.methods.add(method);
  }
  for (const child of node.children) survey(ctx, child, cls);
}
function lower6(root, source, file) {
  const ctx = new LowerContext8(source, file);
  survey(ctx, root);
  const body3 = lowerBlock4(ctx, root);
  return { file, language: "php", body: body3, functions: ctx.functions, imports: [], exports: [] };
}
var php = {
  id: "php",
  snippetFile: "snippet.php",
  grammarFor: GRAMMAR_FOR.php,
  lower: lower6,
  // include/require of other files are not followed (no summaries across PHP files yet).
  resolveModule: (spec) => ({ package: [spec] }),
  mutators: /* @__PURE__ */ new Set(["append", "add", "push", "set", "offsetSet", "attach"]),
  elementCallbacks: /* @__PURE__ */ new Set(),
  stringMethods: /* @__PURE__ */ new Set(["toString", "__toString", "getContent", "trim", "lower", "upper"]),
  cleanMembers: /* @__PURE__ */ new Set(["length", "num_rows", "affected_rows", "insert_id", "size"]),
  lookups: /^(?:get\w*|has|find\w*|lookup\w*|fetch\w*|load\w*|read\w*|select\w*|count\w*|exists\w*|query\w*|first|where\w*)$/
};
var ADAPTERS = [javascript, ejs, java, jsp, php, python, jinja];
function adapterFor(file, adapters = ADAPTERS) {
  for (const adapter of adapters) {
    const grammar = adapter.grammarFor(file);
    if (grammar) return { adapter, grammar };
  }
  return void 0;
}
var GrammarError = class extends Error {
  name = "GrammarError";
  /** The file that could not be read. */
  file;
  constructor(message, file, options) {
    super(message, options);
    this.file = file;
  }
};
var angular_trust_bypass_default = `id: js-angular-trust-bypass
language: javascript
class: xss
mode: call
name: Angular sanitization bypassed for a value that is not a constant
message: "{source} is marked as safe ({label}) by \`{sink}\`: Angular no longer sanitizes it; if any part of it comes from users or the API, it is cross-site scripting."
description: DomSanitizer.bypassSecurityTrust* is called with a value that is not a constant.
help: |
  Bind the value normally (\`[innerHTML]="value"\` is sanitized by Angular) and let Angular sanitize it. Bypass only
  constants you wrote yourself; if markup from data must be shown, sanitize it first (DOMPurify) and document why.
cwe: [CWE-79]
level: warning
securitySeverity: 6.1
precision: medium
sinks:
  - { call: "**.bypassSecurityTrustHtml", label: trusted HTML }
  - { call: "**.bypassSecurityTrustScript", label: trusted script }
  - { call: "**.bypassSecurityTrustUrl", label: trusted URL }
  - { call: "**.bypassSecurityTrustResourceUrl", label: trusted resource URL }
  - { call: "**.bypassSecurityTrustStyle", label: trusted style }
tests:
  positive:
    - |
      export class SearchResultComponent {
        trustProductDescription (tableData: any[]) {
          for (let i = 0; i < tableData.length; i++) {
            tableData[i].description = this.sanitizer.bypassSecurityTrustHtml(tableData[i].description);
          }
        }
      }
  negative:
    - |
      export class AboutComponent {
        ngOnInit () {
          this.banner = this.sanitizer.bypassSecurityTrustHtml('<b>' + 'Welcome' + '</b>');
          this.description = this.product.description;
        }
      }
`;
var code_injection_default = `id: js-code-injection
language: javascript
class: code-injection
name: Code injection
message: "{source} is evaluated as code by \`{sink}\` ({label})."
description: Untrusted input is run as JavaScript (eval, Function, vm, string timers) or chooses a module to load.
help: |
  Never evaluate input. Parse data with \`JSON.parse\`, compute expressions with a real parser for the small language you
  need (a math expression library), and pick behaviour from a fixed map of functions instead of building code.
cwe: [CWE-94, CWE-95]
level: error
securitySeverity: 9.8
precision: high
sources: [http.*]
sinks:
  - { call: eval, label: JavaScript code }
  - { call: Function, args: [0, 1, 2, 3], label: function body }
  - { call: vm.runInThisContext, label: JavaScript code }
  - { call: vm.runInNewContext, label: JavaScript code }
  - { call: vm.runInContext, label: JavaScript code }
  - { call: vm.compileFunction, label: function body }
  - { call: vm.Script, label: script source }
  - { call: vm2.VM.run, label: sandboxed code }
  - { call: "**.runInContext", receiver: "^(?:script|vm)$", label: JavaScript code }
  - { call: setTimeout, label: timer code string }
  - { call: setInterval, label: timer code string }
  - { call: require, label: module to load }
tests:
  positive:
    - |
      app.post('/calc', (req, res) => {
        const expression = req.body.expression;
        res.json({ result: eval(expression) });
      });
    - |
      const vm = require('vm');
      router.get('/run', (req, res) => {
        res.json(vm.runInNewContext('(' + req.query.code + ')', {}));
      });
    - |
      app.get('/fn', (req, res) => {
        const f = new Function('a', 'return a ' + req.query.op + ' 1');
        res.json(f(2));
      });
  negative:
    - |
      app.post('/calc', (req, res) => {
        const value = JSON.parse(req.body.expression);
        setTimeout(() => res.json({ value }), 10);
      });
    - |
      app.get('/n', (req, res) => {
        res.json({ result: eval('1 + ' + Number(req.query.n)) });
      });
`;
var command_injection_default = "id: js-command-injection\nlanguage: javascript\nclass: command-injection\nname: OS command injection\nmessage: \"{source} reaches the {label} of `{sink}`: shell metacharacters in it run other commands.\"\ndescription: Untrusted input is part of a command line run by a shell, or names the program to run.\nhelp: |\n  Do not build command lines from input. Run the program directly with an argument array and no shell:\n  `execFile('ping', ['-c', '1', host])` or `spawn('ping', ['-c', '1', host])` (never `shell: true`), and check the value\n  against what you expect (an IP address, a host name pattern) first.\ncwe: [CWE-78]\nlevel: error\nsecuritySeverity: 9.8\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: child_process.exec, label: shell command }\n  - { call: child_process.execSync, label: shell command }\n  - { call: \"child_process.**.exec\", label: shell command }\n  - { call: child_process.spawn, args: [0], label: program to run }\n  - { call: child_process.spawnSync, args: [0], label: program to run }\n  - { call: child_process.execFile, args: [0], label: program to run }\n  - { call: child_process.execFileSync, args: [0], label: program to run }\n  - { call: child_process.spawn, args: [1], when: { arg: 2, has: shell }, label: shell command }\n  - { call: child_process.spawnSync, args: [1], when: { arg: 2, has: shell }, label: shell command }\n  - { call: child_process.execFile, args: [1], when: { arg: 2, has: shell }, label: shell command }\n  - { call: shelljs.exec, label: shell command }\n  - { call: execa.command, label: shell command }\n  - { call: execa.execaCommand, label: shell command }\n  - { call: execa.execaCommandSync, label: shell command }\nsanitizers:\n  - call: shell-quote.quote\n  - call: shell-escape\n  - call: shescape.quote\n  - call: \"**.quote\"\ntests:\n  positive:\n    - |\n      const { exec } = require('child_process');\n      app.get('/ping', (req, res) => {\n        exec('ping -c 1 ' + req.query.host, (err, out) => res.send(out));\n      });\n    - |\n      import cp from 'node:child_process';\n      import { promisify } from 'node:util';\n      const run = promisify(cp.exec);\n      export default async function handler(req, res) {\n        const { stdout } = await run(`git log ${req.body.ref}`);\n        res.status(200).json({ stdout });\n      }\n    - |\n      const child_process = require('child_process');\n      router.post('/convert', (req, res) => {\n        child_process.spawn('convert', [req.body.file, 'out.png'], { shell: true });\n        res.end();\n      });\n  negative:\n    - |\n      const { execFile } = require('child_process');\n      app.get('/ping', (req, res) => {\n        execFile('ping', ['-c', '1', req.query.host], (err, out) => res.send(out));\n      });\n    - |\n      const { exec } = require('child_process');\n      app.get('/uptime', (req, res) => {\n        const lines = parseInt(req.query.lines, 10);\n        exec('uptime | head -n ' + lines, (err, out) => res.type('text/plain').send(out));\n      });\n";
var deserialization_default = "id: js-insecure-deserialization\nlanguage: javascript\nclass: deserialization\nname: Insecure deserialization\nmessage: \"{source} is deserialized by `{sink}`, which can run code embedded in the data.\"\ndescription: Untrusted input is deserialized by a library that revives functions or arbitrary types.\nhelp: |\n  Parse data with `JSON.parse`. `node-serialize`, `serialize-to-js` and `funcster` revive functions (an IIFE in the data\n  runs at once); `js-yaml` with a schema that includes JavaScript types (`DEFAULT_FULL_SCHEMA` in js-yaml 3) does too:\n  use the default schema of js-yaml 4 or `safeLoad`.\ncwe: [CWE-502]\nlevel: error\nsecuritySeverity: 9.8\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: node-serialize.unserialize, label: serialized object }\n  - { call: serialize-to-js.deserialize, label: serialized object }\n  - { call: funcster.deepDeserialize, label: serialized object }\n  - { call: js-yaml.load, when: { arg: 1, has: schema }, label: YAML document }\n  - { call: js-yaml.loadAll, when: { arg: 2, has: schema }, label: YAML documents }\ntests:\n  positive:\n    - |\n      const serialize = require('node-serialize');\n      app.get('/profile', (req, res) => {\n        const profile = serialize.unserialize(Buffer.from(req.cookies.profile, 'base64').toString());\n        res.send('Hi ' + escape(profile.name));\n      });\n    - |\n      const yaml = require('js-yaml');\n      app.post('/config', (req, res) => {\n        res.json(yaml.load(req.body.doc, { schema: yaml.DEFAULT_FULL_SCHEMA }));\n      });\n  negative:\n    - |\n      const yaml = require('js-yaml');\n      app.post('/config', (req, res) => {\n        res.json(yaml.load(req.body.doc));\n        res.json(JSON.parse(req.body.json));\n      });\n";
var header_injection_default = `id: js-header-injection
language: javascript
class: header-injection
name: HTTP header injection
message: "{source} is written into the {label} by \`{sink}\`."
description: Untrusted input is written into a response header.
help: |
  Node.js refuses CR and LF in header values (since 14.x), so a header cannot be split; what remains is the value itself
  being attacker-chosen (cache keys, Content-Disposition file names, CORS origins). Encode it (\`encodeURIComponent\`) or
  pick it from a fixed set.
cwe: [CWE-113]
level: note
securitySeverity: 4.3
precision: medium
sources: [http.*]
sinks:
  - { call: $res.setHeader, args: [1], label: response header }
  - { call: $res.set, args: [1], label: response header }
  - { call: $res.header, args: [1], label: response header }
  - { call: $res.append, args: [1], label: response header }
  - { call: $res.writeHead, args: [1, 2], label: response headers }
  - { call: $reply.header, args: [1], label: response header }
  - { call: $ctx.set, args: [1], label: response header }
sanitizers:
  - call: encodeURIComponent
  - call: encodeURI
  - call: content-disposition
tests:
  positive:
    - |
      app.get('/file', (req, res) => {
        res.setHeader('Content-Disposition', 'attachment; filename="' + req.query.name + '"');
        res.end();
      });
  negative:
    - |
      app.get('/file', (req, res) => {
        res.setHeader('Content-Disposition', 'attachment; filename="' + encodeURIComponent(req.query.name) + '"');
        res.setHeader('X-Count', String(parseInt(req.query.n, 10)));
        res.end();
      });
`;
var incomplete_url_check_default = "id: js-incomplete-url-check\nlanguage: javascript\nclass: url-check\nmode: guard\nname: Redirect or request target checked by substring\nmessage: \"{source} is only checked by `{sink}` ({label}) before it is used as a redirect or request target: `https://evil.test/?trusted.example` passes a substring check.\"\ndescription: A URL from a request is allowed by a substring test (includes, indexOf) and then used as a redirect or request target.\nhelp: |\n  Parse the URL (`new URL(value, base)`) and compare its `origin` or `host` exactly with the allowed ones, or compare the\n  whole value exactly with entries of an allow-list (`allowed.has(value)`). `includes`, `indexOf` and `startsWith` on the\n  raw string are fooled by the allowed text in a query, a path or a user name (`https://trusted.example@evil.test`).\ncwe: [CWE-601, CWE-20]\nlevel: error\nsecuritySeverity: 6.1\nprecision: medium\nguards:\n  - { call: \"**.includes\", label: substring check }\nguarded: [js-open-redirect, js-ssrf]\ntests:\n  positive:\n    - files:\n        - file: lib/security.ts\n          code: |\n            export const allowlist = new Set(['https://github.com/juice-shop/juice-shop']);\n            export const isRedirectAllowed = (url: string) => {\n              let allowed = false;\n              for (const allowedUrl of allowlist) {\n                allowed = allowed || url.includes(allowedUrl);\n              }\n              return allowed;\n            };\n        - file: routes/redirect.ts\n          code: |\n            import * as security from '../lib/security';\n            export function performRedirect () {\n              return ({ query }: Request, res: Response) => {\n                const toUrl: string = query.to as string;\n                if (security.isRedirectAllowed(toUrl)) res.redirect(toUrl);\n              };\n            }\n  negative:\n    - files:\n        - file: lib/security.ts\n          code: |\n            export const allowlist = new Set(['https://github.com/juice-shop/juice-shop']);\n            export const isRedirectAllowed = (url: string) => {\n              let allowed = false;\n              for (const allowedUrl of allowlist) {\n                allowed = allowed || url === allowedUrl;\n              }\n              return allowed;\n            };\n        - file: routes/redirect.ts\n          code: |\n            import * as security from '../lib/security';\n            export function performRedirect () {\n              return ({ query }: Request, res: Response) => {\n                const toUrl: string = query.to as string;\n                if (security.isRedirectAllowed(toUrl)) res.redirect(toUrl);\n              };\n            }\n";
var log_injection_default = "id: js-log-injection\nlanguage: javascript\nclass: log-injection\nname: Log injection\nmessage: \"{source} is written to the {label} by `{sink}` as is: line breaks in it forge log entries.\"\ndescription: Untrusted input is written to a log without neutralising line breaks.\nhelp: |\n  Log input as a field of a structured entry (`logger.info({ user }, 'login')`, which JSON-encodes it), or replace\n  CR and LF (`value.replace(/[\\r\\n]/g, ' ')`) before writing it.\ncwe: [CWE-117]\nlevel: note\nsecuritySeverity: 3.5\nprecision: low\nsources: [http.*]\nsinks:\n  - { call: \"re:^console\\\\.(?:log|info|warn|error|debug|trace)$\", args: [0, 1, 2, 3], label: log }\n  - { call: \"re:^(?:[\\\\w$]+\\\\.)*(?:logger|log|winston|pino|bunyan|Logger|LOG|LOGGER)\\\\.(?:info|warn|warning|error|debug|trace|fatal|log|verbose|silly|http)$\", args: [0, 1], label: log }\nsanitizers:\n  - call: JSON.stringify\n  - call: encodeURIComponent\ntests:\n  positive:\n    - |\n      app.post('/login', (req, res) => {\n        console.log('login attempt for ' + req.body.user);\n        logger.warn(`failed login: ${req.body.user}`);\n        res.end();\n      });\n  negative:\n    - |\n      app.post('/login', (req, res) => {\n        console.log('login attempt for ' + JSON.stringify(req.body.user));\n        res.end();\n      });\n";
var nosql_injection_default = `id: js-nosql-injection
language: javascript
class: nosql-injection
name: NoSQL injection
message: "{source} is used as a value of the {label} of \`{sink}\`: an object such as {\\"$ne\\": null} changes what the query matches (NoSQL operator injection)."
description: Untrusted input that can be an object (JSON body, qs-parsed query) goes into a MongoDB query filter.
help: |
  Request bodies (JSON) and query strings (Express' qs parser) can carry objects: \`{"$ne": null}\` in place of an id matches
  every document. Check the type first (\`if (typeof req.body.id !== 'string') return res.status(400).end()\`), convert it
  (\`String(id)\`), or strip operators with \`mongo-sanitize\` / \`express-mongo-sanitize\`.
cwe: [CWE-943]
level: error
securitySeverity: 8.8
precision: high
sources: [http.query, http.body]
sinks:
  - call: "**.find"
    receiver: "^(?!_$|lodash$|array$|arr$|list$|items$)"
    object: true
    ignoreKeys: [where, attributes, include, order, limit, offset, raw, transaction, replacements, bind]
    label: query filter
  - { call: "**.findOne", object: true, ignoreKeys: [where, attributes, include, order, raw, transaction], label: query filter }
  - { call: "**.findOneAndUpdate", object: true, label: query filter }
  - { call: "**.findOneAndDelete", object: true, label: query filter }
  - { call: "**.findOneAndReplace", object: true, label: query filter }
  - { call: "**.findOneAndRemove", object: true, label: query filter }
  - { call: "**.countDocuments", object: true, label: query filter }
  - { call: "**.deleteOne", object: true, label: query filter }
  - { call: "**.deleteMany", object: true, label: query filter }
  - { call: "**.replaceOne", object: true, label: query filter }
  # MongoDB's update(filter, update) has two arguments; Sequelize's update(values, { where }) and instance.update(values),
  # crypto's hash.update(data) take no filter.
  - { call: "**.update", receiver: "^(?!create\\\\w*$|hash$|hmac$|cipher$|decipher$|sign$|verify$)", object: true, when: { arg: 1, lacks: where }, label: query filter }
  - { call: "**.updateOne", object: true, label: query filter }
  - { call: "**.updateMany", object: true, label: query filter }
  - { call: "**.remove", receiver: "(?:[Cc]ollection|[Mm]odel|^[A-Z]\\\\w*)$", object: true, label: query filter }
  - { property: $where, label: "$where JavaScript expression" }
sanitizers:
  - type: string
  - call: String
  - call: "**.toString"
  - call: mongo-sanitize
  - call: "**.sanitizeFilter"
  - call: "**.ObjectId"
tests:
  positive:
    - |
      import * as db from '../data/mongodb';
      export function updateProductReviews () {
        return (req, res) => {
          db.reviewsCollection.update({ _id: req.body.id }, { $set: { message: req.body.message } }, { multi: true }).then((r) => res.json(r));
        };
      }
    - |
      router.post('/login', async (req, res) => {
        const user = await User.findOne({ email: req.body.email, password: req.body.password });
        res.json(user);
      });
    - |
      app.get('/orders', (req, res) => {
        orders.find({ $where: "this.owner == '" + req.query.owner + "'" }).toArray().then((o) => res.json(o));
      });
  negative:
    - |
      export function updateProductReviews () {
        return (req, res) => {
          if (typeof req.body.id !== 'string') {
            res.status(400).send();
            return;
          }
          db.reviewsCollection.update({ _id: req.body.id }, { $set: { message: req.body.message } });
        };
      }
    - |
      app.get('/user', async (req, res) => {
        const user = await UserModel.findOne({ where: { email: req.query.email } });
        await UserModel.update({ name: req.body.name }, { where: { id: 1 } });
        res.json(user);
      });
    - |
      router.post('/login', async (req, res) => {
        const user = await User.findOne({ email: String(req.body.email) });
        await user.update({ email: req.body.email });
        crypto.createHash('sha256').update(req.body.password, 'utf8');
        res.json(user);
      });
`;
var open_redirect_default = "id: js-open-redirect\nlanguage: javascript\nclass: open-redirect\nname: Open redirect\nmessage: \"{source} chooses the {label} of `{sink}`: a link to this site can send users to any other site.\"\ndescription: Untrusted input chooses where the response redirects the browser.\nhelp: |\n  Redirect only to paths of this site (check that the value starts with a single `/` and not `//` or `/\\`), or look the\n  target up in a fixed map of allowed destinations. Substring checks (`url.includes('example.com')`) are not enough:\n  `https://evil.test/?example.com` passes them.\ncwe: [CWE-601]\nlevel: error\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*, client.url]\n# After a path of this site ('/account/') or a fixed origin, the target stays on a known host.\nsafePrefix: \"^(?:/[^/\\\\\\\\]|https?://[^/?#]+[/?#]|\\\\{const\\\\})\"\nsinks:\n  - { call: $res.redirect, args: [0, 1], label: redirect target }\n  - { call: $reply.redirect, args: [0, 1], label: redirect target }\n  - { call: $ctx.redirect, label: redirect target }\n  - { call: $res.location, label: Location header }\n  - { call: $res.setHeader, args: [1], when: { arg: 0, equals: \"^location$\" }, label: Location header }\n  - { call: $res.set, args: [1], when: { arg: 0, equals: \"^location$\" }, label: Location header }\n  - { call: $res.header, args: [1], when: { arg: 0, equals: \"^location$\" }, label: Location header }\n  - { assign: location.href, label: page location }\n  - { assign: window.location.href, label: page location }\n  - { assign: window.location, label: page location }\n  - { call: location.assign, label: page location }\n  - { call: location.replace, label: page location }\n  - { call: window.location.assign, label: page location }\n  - { call: window.location.replace, label: page location }\nsanitizers:\n  - call: encodeURIComponent\ntests:\n  positive:\n    - |\n      export function performRedirect () {\n        return ({ query }: Request, res: Response, next: NextFunction) => {\n          const toUrl: string = query.to as string;\n          res.redirect(toUrl);\n        };\n      }\n    - |\n      app.get('/login', (req, res) => {\n        res.setHeader('Location', req.query.next);\n        res.status(302).end();\n      });\n    - |\n      router.get('/go', async (ctx, next) => {\n        ctx.redirect(ctx.query.url);\n      });\n  negative:\n    - |\n      app.get('/login', (req, res) => {\n        res.redirect('/account/' + encodeURIComponent(req.query.user));\n      });\n    - |\n      app.get('/item', (req, res) => {\n        res.redirect('/items/' + req.query.id);\n      });\n";
var path_traversal_default = "id: js-path-traversal\nlanguage: javascript\nclass: path-traversal\nname: Path traversal\nmessage: \"{source} reaches the {label} of `{sink}`: `../` in it reaches files outside the intended folder.\"\ndescription: Untrusted input chooses a file path that is read, written, deleted or sent.\nhelp: |\n  Keep only the file name (`path.basename(name)`), or resolve the path and check that it stays inside the folder\n  (`const full = path.resolve(dir, name); if (!full.startsWith(dir + path.sep)) \u2026`). With Express, `res.sendFile(name, { root: dir })`\n  refuses paths that leave `root`.\ncwe: [CWE-22]\nlevel: error\nsecuritySeverity: 7.5\nprecision: high\nsources: [http.*]\nsinks:\n  - call: \"re:^(?:fs|fs\\\\.promises|fs-extra|graceful-fs)\\\\.(?:readFile|readFileSync|createReadStream|writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|readdir|readdirSync|open|openSync|readJson|readJsonSync|outputFile|remove|removeSync|truncate|truncateSync|chmod|chmodSync|mkdir|mkdirSync|readlink|readlinkSync)$\"\n    label: file path\n  - call: \"re:^(?:fs|fs\\\\.promises|fs-extra)\\\\.(?:rename|renameSync|copyFile|copyFileSync|copy|copySync|move|moveSync|symlink|symlinkSync|link|linkSync)$\"\n    args: [0, 1]\n    label: file path\n  - { call: \"$res.sendFile\", when: { arg: 1, lacks: root }, label: file path }\n  - { call: \"$res.sendfile\", label: file path }\n  - { call: \"$res.download\", label: file path }\n  - { call: \"$reply.sendFile\", label: file path }\n  - { call: send, args: [1], label: file path }\nsanitizers:\n  - call: path.basename\n  - call: path.posix.basename\n  - call: path.win32.basename\n  - call: sanitize-filename\n  - call: encodeURIComponent\ntests:\n  positive:\n    - |\n      const fs = require('fs');\n      const path = require('path');\n      app.get('/docs', (req, res) => {\n        const file = path.join(__dirname, 'docs', req.query.name || 'readme.txt');\n        fs.readFile(file, 'utf8', (err, text) => res.type('text/plain').send(text));\n      });\n    - |\n      import { readFile } from 'node:fs/promises';\n      export async function GET(request: NextRequest) {\n        const name = request.nextUrl.searchParams.get('file');\n        return new Response(await readFile(`./uploads/${name}`));\n      }\n    - |\n      app.get('/download/:file', (req, res) => {\n        res.download('files/' + req.params.file);\n      });\n  negative:\n    - |\n      const fs = require('fs');\n      const path = require('path');\n      app.get('/docs', (req, res) => {\n        const file = path.join(__dirname, 'docs', path.basename(req.query.name));\n        fs.readFile(file, 'utf8', (err, text) => res.type('text/plain').send(text));\n      });\n    - |\n      app.get('/file/:name', (req, res) => {\n        res.sendFile(req.params.name, { root: 'public' });\n      });\n";
var models_default = '# Untrusted input in JavaScript and TypeScript servers, by framework. Roles come from the adapter\'s route\n# handler detection (src/lang/javascript/handlers.ts): $req (Express, Fastify, Hapi, Next.js, Node\'s http),\n# $ctx (Koa), $res / $reply (responses). A field read after the pattern is named in the flow:\n# `req.query.id` is "request parameter `id`".\nlanguage: javascript\nsources:\n  # Express, Fastify, Next.js pages/api, Node\'s http\n  - { pattern: $req.query, kind: http.query, label: request parameter }\n  - { pattern: $req.params, kind: http.params, label: path parameter }\n  - { pattern: $req.body, kind: http.body, label: request body field }\n  - { pattern: $req.headers, kind: http.headers, label: request header }\n  - { pattern: $req.cookies, kind: http.cookies, label: cookie }\n  - { pattern: $req.signedCookies, kind: http.cookies, label: cookie }\n  - { pattern: $req.files, kind: http.body, label: uploaded file }\n  - { pattern: $req.file, kind: http.body, label: uploaded file }\n  - { pattern: "$req.get()", kind: http.headers, label: request header }\n  - { pattern: "$req.header()", kind: http.headers, label: request header }\n  - { pattern: "$req.param()", kind: http.params, label: request parameter }\n  - { pattern: $req.url, kind: http.url, label: request URL }\n  - { pattern: $req.originalUrl, kind: http.url, label: request URL }\n  - { pattern: $req.path, kind: http.url, label: request path }\n  - { pattern: $req.hostname, kind: http.headers, label: Host header }\n  # Hapi\n  - { pattern: $req.payload, kind: http.body, label: request payload field }\n  - { pattern: $req.state, kind: http.cookies, label: cookie }\n  # Next.js app router (NextRequest)\n  - { pattern: $req.nextUrl.searchParams, kind: http.query, label: request parameter }\n  - { pattern: "$req.json()", kind: http.body, label: request body }\n  - { pattern: "$req.formData()", kind: http.body, label: request form }\n  - { pattern: "$req.text()", kind: http.body, label: request body }\n  # Koa\n  - { pattern: $ctx.query, kind: http.query, label: request parameter }\n  - { pattern: $ctx.request.query, kind: http.query, label: request parameter }\n  - { pattern: $ctx.params, kind: http.params, label: path parameter }\n  - { pattern: $ctx.request.body, kind: http.body, label: request body field }\n  - { pattern: $ctx.headers, kind: http.headers, label: request header }\n  - { pattern: $ctx.request.headers, kind: http.headers, label: request header }\n  - { pattern: "$ctx.get()", kind: http.headers, label: request header }\n  - { pattern: "$ctx.cookies.get()", kind: http.cookies, label: cookie }\n  - { pattern: $ctx.url, kind: http.url, label: request URL }\n  - { pattern: $ctx.path, kind: http.url, label: request path }\n  # Browser and Angular: data an attacker puts in a link\n  - { pattern: location.hash, kind: client.url, label: URL fragment }\n  - { pattern: location.search, kind: client.url, label: URL query }\n  - { pattern: location.href, kind: client.url, label: page URL }\n  - { pattern: window.location.hash, kind: client.url, label: URL fragment }\n  - { pattern: window.location.search, kind: client.url, label: URL query }\n  - { pattern: document.location.hash, kind: client.url, label: URL fragment }\n  - { pattern: document.URL, kind: client.url, label: page URL }\n  - { pattern: "**.snapshot.queryParams", kind: client.url, label: route query parameter }\n  - { pattern: "**.snapshot.params", kind: client.url, label: route parameter }\n  - { pattern: "**.snapshot.queryParamMap.get()", kind: client.url, label: route query parameter }\n  - { pattern: "**.snapshot.paramMap.get()", kind: client.url, label: route parameter }\n  # Stored data: what an SQL query or an ORM/Mongo lookup gives back. Only the stored-XSS rule reads this kind: the\n  # injection rules keep to request data (second-order flows through the database are not followed there).\n  - { pattern: "re:(?:^|\\\\.)(?:\\\\w*(?:db|Db|DB|database|Database|pool|Pool|conn|Conn|connection|Connection|sequelize|Sequelize|knex|sqlite\\\\d*|mysql|pg)|<[^>]*(?:db|database|sql)[^>]*>)\\\\.(?:query|all|get|each|execute|raw)\\\\(\\\\)$", kind: database.rows, label: data read from the database, callback: 1 }\n  - { pattern: "re:(?:^|\\\\.)(?:[A-Z]\\\\w*|\\\\w*[Mm]odel|\\\\w*[Cc]ollection|collection\\\\(\\\\)|\\\\w*[Rr]epository|\\\\w*[Rr]epo|prisma\\\\.\\\\w+)\\\\.(?:find|findOne|findById|findAll|findByPk|findMany|findUnique|findFirst|findAndCountAll|aggregate)\\\\(\\\\)$", kind: database.rows, label: data read from the database, callback: 1 }\n# Numbers carry no injection: the result of these is clean for every class.\nsanitizers:\n  - parseInt\n  - parseFloat\n  - Number\n  - Number.parseInt\n  - Number.parseFloat\n  - Boolean\n  - Math.*\n  - "**.toISOString"\n  - "**.getTime"\n  - crypto.randomUUID\n# Library calls that pass their input on, followed as sure steps (other calls are followed too, but as guesses).\npropagators:\n  - { call: "re:^path\\\\.(?:posix\\\\.|win32\\\\.)?(?:join|resolve|normalize|relative|format)$", from: [args] }\n  - { call: String, from: [0] }\n  - { call: decodeURIComponent, from: [0] }\n  - { call: decodeURI, from: [0] }\n  - { call: unescape, from: [0] }\n  - { call: Buffer.from, from: [0] }\n  - { call: JSON.parse, from: [0] }\n  - { call: "re:^util\\\\.(?:format|inspect)$", from: [args] }\n  - { call: "re:^url\\\\.(?:parse|resolve|format)$", from: [args] }\n  - { call: URL, from: [0, 1] }\n  - { call: Object.assign, from: [args] }\n  - { call: Object.values, from: [0] }\n  - { call: Object.entries, from: [0] }\n  - { call: Array.from, from: [0] }\n  - { call: "**.concat", from: [receiver, args] }\n';
var sql_injection_default = `id: js-sql-injection
language: javascript
class: sql-injection
name: SQL injection
message: "{source} reaches the {label} of \`{sink}\` without a bound parameter: SQL injection."
description: Untrusted input is built into an SQL statement.
help: |
  Pass the value as a bound parameter instead of building it into the statement: \`db.query('SELECT \u2026 WHERE id = ?', [id])\`
  (mysql, mysql2, sqlite3, sql.js), \`$1\` with a values array (pg), \`replacements\` or \`bind\` (Sequelize), \`knex.raw('\u2026 ?', [id])\`
  or the query builder, \`query('\u2026 $1', [id])\` (TypeORM). Converting to a number (\`Number(id)\`) also makes it safe.
cwe: [CWE-89]
level: error
securitySeverity: 9.8
precision: high
sources: [http.*]
sinks:
  # mysql, mysql2, pg, TypeORM (DataSource, EntityManager, QueryRunner, Repository), Sequelize, knex
  - call: "**.query"
    receiver: "(?:^|[a-z_])(?:db|Db|DB|database|Database|sql|Sql|SQL|sqlite\\\\d*|mysql|pg|pool|Pool|conn|Conn|connection|Connection|client|Client|sequelize|Sequelize|knex|manager|Manager|queryRunner|QueryRunner|dataSource|DataSource|repository|Repository|repo|Repo|trx|tx|transaction|Transaction)s?$"
    label: SQL query
  # sqlite3, better-sqlite3, sql.js
  - call: "**.exec"
    receiver: "(?:^|[a-z_])(?:db|Db|DB|database|Database|sqlite\\\\d*|conn|connection|Connection)$"
    label: SQL statement
  - call: "**.run"
    receiver: "(?:^|[a-z_])(?:db|Db|DB|database|Database|sqlite\\\\d*)$"
    label: SQL statement
  - call: "**.all"
    receiver: "(?:^|[a-z_])(?:db|Db|DB|database|Database|sqlite\\\\d*)$"
    label: SQL query
  - call: "**.get"
    receiver: "(?:^|[a-z_])(?:db|Db|DB|database|Database|sqlite\\\\d*)$"
    label: SQL query
  - call: "**.each"
    receiver: "(?:^|[a-z_])(?:db|Db|DB|database|Database|sqlite\\\\d*)$"
    label: SQL query
  - call: "**.prepare"
    receiver: "(?:^|[a-z_])(?:db|Db|DB|database|Database|sqlite\\\\d*|conn|connection|Connection)$"
    label: SQL statement
  # knex and query builders
  - { call: "**.raw", receiver: "(?:^|[a-z_])(?:knex|Knex|db|Db|trx|sql)$", label: raw SQL }
  - { call: "**.whereRaw", label: raw SQL condition }
  - { call: "**.orWhereRaw", label: raw SQL condition }
  - { call: "**.havingRaw", label: raw SQL condition }
  - { call: "**.orderByRaw", label: raw SQL ordering }
  - { call: "**.joinRaw", label: raw SQL join }
  - { call: "**.fromRaw", label: raw SQL }
  # Sequelize.literal, Prisma's unsafe raw queries
  - { call: "**.literal", receiver: "^(?:sequelize|Sequelize|db)$", label: SQL literal }
  - { call: "**.$queryRawUnsafe", label: raw SQL query }
  - { call: "**.$executeRawUnsafe", label: raw SQL statement }
sanitizers:
  - call: "**.escape"
  - call: "**.escapeId"
  # mysql.format / SqlString.format fill ? placeholders with escaped values (util.format does not)
  - call: mysql.format
  - call: mysql2.format
  - call: sqlstring.format
  - call: sqlstring.escape
  - call: "**.escapeLiteral"
  - call: "**.escapeIdentifier"
  - call: "pg-format"
tests:
  positive:
    - |
      const express = require('express');
      const mysql = require('mysql');
      const connection = mysql.createConnection({});
      const app = express();
      app.get('/user', (req, res) => {
        connection.query("SELECT * FROM users WHERE id = '" + req.query.id + "'", (err, rows) => res.json(rows));
      });
    - |
      import { Request, Response } from 'express';
      import * as models from './models';
      export function search() {
        return (req: Request, res: Response) => {
          const criteria = req.query.q ?? '';
          models.sequelize.query(\`SELECT * FROM Products WHERE name LIKE '%\${criteria}%'\`).then(([rows]) => res.json(rows));
        };
      }
    - |
      const router = require('express').Router();
      function findUser(db, name) {
        return db.all(\`SELECT * FROM users WHERE name = '\${name}'\`);
      }
      router.post('/login', async (req, res) => {
        const { name } = req.body;
        res.json(await findUser(req.app.locals.db, name));
      });
    - |
      app.get('/items', async (req, res) => {
        const rows = await knex.raw('SELECT * FROM items ORDER BY ' + req.query.sort);
        res.json(rows);
      });
    - |
      @Controller('users')
      export class UsersController {
        constructor(private readonly dataSource: DataSource) {}
        @Get()
        find(@Query('name') name: string) {
          return this.dataSource.query(\`SELECT * FROM users WHERE name = '\${name}'\`);
        }
      }
  negative:
    - |
      const express = require('express');
      const app = express();
      app.get('/user', (req, res) => {
        connection.query('SELECT * FROM users WHERE id = ?', [req.query.id], (err, rows) => res.json(rows));
      });
    - |
      app.get('/user', async (req, res) => {
        const id = parseInt(req.params.id, 10);
        const rows = await pool.query('SELECT * FROM users WHERE id = ' + id);
        res.json(rows);
      });
    - |
      export function search() {
        return (req, res) => {
          models.sequelize.query('SELECT * FROM Products WHERE name LIKE :q', { replacements: { q: \`%\${req.query.q}%\` } }).then((rows) => res.json(rows));
        };
      }
    - |
      app.get('/search', (req, res) => {
        const pattern = new RegExp('^a');
        res.json(pattern.exec(req.query.q));
      });
`;
var ssrf_default = `id: js-ssrf
language: javascript
class: ssrf
name: Server-side request forgery
message: "{source} chooses the {label} of \`{sink}\`: the server can be made to call internal services or cloud metadata."
description: Untrusted input chooses where the server sends an HTTP request.
help: |
  Let input choose only a path under a fixed base (\`new URL('/users/' + encodeURIComponent(id), BASE)\`), or check the host
  against an allow-list after parsing the URL, and refuse private and link-local addresses (169.254.169.254, 10/8, \u2026).
cwe: [CWE-918]
level: error
securitySeverity: 8.6
precision: high
sources: [http.*]
# A value after a fixed scheme and host (or a constant base) changes only the path.
safePrefix: "^(?:https?://[^/?#]+[/?#]|\\\\{const\\\\}|/)"
sinks:
  - { call: "re:^(?:http|https)\\\\.(?:get|request)$", label: request URL }
  - { call: axios, label: request URL }
  - { call: "re:^axios\\\\.(?:get|post|put|patch|delete|head|options|request)$", label: request URL }
  - { call: fetch, label: request URL }
  - { call: node-fetch, label: request URL }
  - { call: "re:^undici\\\\.(?:fetch|request|stream)$", label: request URL }
  - { call: got, label: request URL }
  - { call: "re:^got\\\\.(?:get|post|put|patch|delete|head|stream)$", label: request URL }
  - { call: request, label: request URL }
  - { call: "re:^(?:request|request-promise|request-promise-native)\\\\.(?:get|post|put|patch|del|delete|head)$", label: request URL }
  - { call: "re:^(?:needle|superagent)\\\\.(?:get|post|put|patch|delete|head|request)$", label: request URL }
  - { call: needle, args: [1], label: request URL }
sanitizers:
  - call: encodeURIComponent
tests:
  positive:
    - |
      const axios = require('axios');
      app.get('/proxy', async (req, res) => {
        const r = await axios.get(req.query.url);
        res.json(r.data);
      });
    - |
      import request from 'request';
      export function profileImageUrlUpload () {
        return (req, res) => {
          const url = req.body.imageUrl;
          request.get(url).pipe(res);
        };
      }
    - |
      app.post('/hook', async (req, res) => {
        await fetch(\`\${req.body.scheme}://\${req.body.host}/ping\`);
        res.end();
      });
  negative:
    - |
      const axios = require('axios');
      app.get('/user', async (req, res) => {
        const r = await axios.get('https://api.example.com/users/' + req.query.id);
        res.json(r.data);
      });
    - |
      app.get('/item', async (req, res) => {
        const r = await fetch(\`\${API_BASE}/items/\${encodeURIComponent(req.params.id)}\`);
        res.json(await r.json());
      });
`;
var xss_default = `id: js-reflected-xss
language: javascript
class: xss
name: Cross-site scripting
message: "{source} is written into the {label} by \`{sink}\` without HTML encoding: cross-site scripting."
description: Untrusted input is written into an HTML response or page without encoding.
help: |
  Encode the value for where it goes: HTML text with \`escape-html\` (or \`he.encode\`, \`validator.escape\`), attributes
  quoted and encoded, URLs with \`encodeURIComponent\`. Prefer a template engine with auto-escaping on (\`<%= %>\` in EJS,
  \`{{ }}\` in Handlebars/Nunjucks), and send data as JSON (\`res.json\`) rather than HTML built by hand. In Angular, do not
  call \`bypassSecurityTrust*\` on values a user controls.
cwe: [CWE-79]
level: error
securitySeverity: 6.1
precision: high
sources: [http.*, client.url]
sinks:
  # res.send / res.status(200).send / res.write / res.end: Express sends strings as text/html.
  # Chains that set a non-HTML type first (res.type('text/plain').send) and JSON are not sinks.
  - { call: "re:^\\\\$res(?:\\\\.(?!type\\\\(\\\\)|json\\\\(\\\\)|contentType\\\\(\\\\))[^.]+)*\\\\.(?:send|write|end)$", label: HTML response }
  - { assign: "$ctx.body", label: HTML response }
  # A template printing the data without escaping (EJS <%- %>): the finding is in the template.
  - { call: "$res.render", render: true, label: template output }
  - { call: "$ctx.render", render: true, label: template output }
  - { call: "**.bypassSecurityTrustHtml", label: Angular trusted HTML }
  - { call: "**.bypassSecurityTrustScript", label: Angular trusted script }
  - { call: "**.bypassSecurityTrustUrl", label: Angular trusted URL }
  - { call: "**.bypassSecurityTrustResourceUrl", label: Angular trusted resource URL }
  - { call: "**.bypassSecurityTrustStyle", label: Angular trusted style }
  - { assign: "**.innerHTML", label: page HTML }
  - { assign: "**.outerHTML", label: page HTML }
  - { call: document.write, label: page HTML }
  - { call: document.writeln, label: page HTML }
  - { call: "**.insertAdjacentHTML", args: [1], label: page HTML }
  - { property: __html, label: "React dangerouslySetInnerHTML" }
sanitizers:
  - call: escape-html
  - call: "**.escape"
  - call: "re:(?:^|\\\\.)(?:escapeHtml|escapeHTML|htmlEscape|escape_html|encodeHtml|encodeHTML|htmlEncode|escapeXml|escapeXML|encodeForHTML|sanitizeHtml|sanitizeHTML|sanitize)$"
  - call: he.encode
  - call: he.escape
  - call: entities.encode
  - call: entities.encodeHTML
  - call: xss
  - call: xss.filterXSS
  - call: filterXSS
  - call: sanitize-html
  - call: encodeURIComponent
  - call: JSON.stringify
tests:
  positive:
    - |
      app.get('/search', (req, res) => {
        const q = req.query.q || '';
        res.send('<h1>Results for ' + q + '</h1>');
      });
    - |
      function layout(title, body) {
        return \`<html><head><title>\${title}</title></head><body>\${body}</body></html>\`;
      }
      app.get('/hello', (req, res) => {
        res.status(200).send(layout('Hello', \`<p>Hello \${req.params.name}</p>\`));
      });
    - files:
        - file: app.js
          code: |
            app.get('/greet', (req, res) => {
              res.render('greet', { name: req.query.name, title: 'Hello' });
            });
        - file: views/greet.ejs
          code: |
            <h1><%= title %></h1>
            <p>Hello <%- name %></p>
    - |
      export class SearchResultComponent {
        filterTable () {
          let queryParam: string = this.route.snapshot.queryParams.q;
          queryParam = queryParam.trim();
          this.searchValue = this.sanitizer.bypassSecurityTrustHtml(queryParam);
        }
      }
  negative:
    - files:
        - file: app.js
          code: |
            app.get('/greet', (req, res) => {
              res.render('greet', { name: req.query.name, title: 'Hello' });
            });
        - file: views/greet.ejs
          code: |
            <h1><%- title %></h1>
            <p>Hello <%= name %></p>
    - |
      const escapeHtml = require('escape-html');
      app.get('/search', (req, res) => {
        res.send('<h1>Results for ' + escapeHtml(req.query.q) + '</h1>');
      });
    - |
      app.get('/search', (req, res) => {
        res.json({ query: req.query.q });
        res.type('text/plain').send(req.query.q);
      });
    - |
      export class SearchResultComponent {
        filterTable () {
          let queryParam: string = this.route.snapshot.queryParams.q;
          this.searchValue = queryParam.trim();
        }
      }
`;
var csrf_default = `id: js-csrf
language: javascript
class: csrf
mode: route
name: State-changing route without CSRF protection
message: "This app keeps users logged in with cookies and {label} on {source}: cross-site request forgery."
description: |
  An Express, Koa or Fastify app that keeps its users in cookies (express-session, cookie-session, cookie-parser,
  koa-session, @fastify/cookie, passport sessions) registers POST, PUT, PATCH or DELETE routes, and no CSRF
  protection (csurf, csrf-csrf, csrf-sync, lusca, tiny-csrf, @fastify/csrf-protection, koa-csrf) is used anywhere in
  the app. Another site can make a logged-in user's browser send these requests. The routes share one cause and
  one fix, so an app gets one finding, where it is created (\`express()\`, \`new Koa()\`, \`Fastify()\`), naming every
  unprotected route as a related location.
help: |
  Check a CSRF token on every state-changing request: \`csrf-csrf\` (double submit) or \`csrf-sync\` (synchronizer
  token) for Express, \`@fastify/csrf-protection\`, \`koa-csrf\`, \`lusca.csrf()\`. Set session cookies with
  \`sameSite: 'lax'\` or \`'strict'\` as well. APIs authenticated by a header token (not a cookie) are not affected:
  such apps do not use cookie sessions and are not reported.
cwe: [CWE-352]
level: warning
securitySeverity: 6.5
# The app-level view: routes are reported only in apps that use cookie sessions, and not at all once a CSRF library
# is used anywhere in the app (so an app protecting only some routes is not reported).
precision: medium
app:
  uses:
    - express-session
    - cookie-session
    - cookie-parser
    - koa-session
    - "@fastify/cookie"
    - "@fastify/session"
    - "@fastify/secure-session"
    - fastify-cookie
    - fastify-session
    - passport.session
    - "@hapi/cookie"
    - hapi-auth-cookie
    - "@hapi/yar"
  creates:
    - express
    - koa
    - fastify
    - "@hapi/hapi.server"
    - "@hapi/hapi.Server"
    - hapi.server
    - hapi.Server
  protections:
    - csurf
    - csrf-csrf
    - csrf-sync
    - lusca
    - tiny-csrf
    - "@fastify/csrf-protection"
    - fastify-csrf
    - koa-csrf
    - "@koa/csrf"
    - edge-csrf
    - "@edge-csrf/nextjs"
    - next-csrf
    - "@hapi/crumb"
    - crumb
sinks:
  - call: "re:^(?:app|router|\\\\w*Router|\\\\w*router|api|\\\\w*App|\\\\w*app|server|routes?|fastify|instance)(?:\\\\.route\\\\(\\\\))?\\\\.(?:post|put|patch|delete|del)$"
    label: no CSRF token is checked
  # Hapi: server.route({ method: 'POST', path, handler })
  - { call: "re:^(?:server|app|\\\\w*[Ss]erver)\\\\.route$", when: { arg: 0, key: method, equals: "^(?:POST|PUT|PATCH|DELETE|\\\\*)$" }, label: no CSRF token is checked }
tests:
  positive:
    - |
      const express = require('express');
      const session = require('express-session');
      const app = express();
      app.use(session({ secret: process.env.SECRET, resave: false, saveUninitialized: false }));
      app.post('/transfer', (req, res) => {
        transfer(req.session.user, req.body.to, req.body.amount);
        res.redirect('/');
      });
    - files:
        - file: package.json
          code: "{}"
        - file: app.js
          code: |
            const cookieParser = require('cookie-parser');
            app.use(cookieParser());
            app.use('/account', require('./routes/account'));
        - file: routes/account.js
          code: |
            const router = require('express').Router();
            router.delete('/:id', (req, res) => deleteAccount(req.cookies.uid).then(() => res.sendStatus(204)));
            module.exports = router;
    # Several routes of one app: one finding, at \`new Koa()\`.
    - |
      const Koa = require('koa');
      const session = require('koa-session');
      const router = require('@koa/router')();
      const app = new Koa();
      app.use(session(app));
      router.post('/cart', (ctx) => addToCart(ctx.session.user, ctx.request.body));
      router.delete('/cart/:id', (ctx) => removeFromCart(ctx.session.user, ctx.params.id));
      app.use(router.routes());
    - |
      const Hapi = require('@hapi/hapi');
      const server = Hapi.server({ port: 3000 });
      await server.register(require('@hapi/cookie'));
      server.route({ method: 'POST', path: '/account/delete', handler: (request, h) => deleteAccount(request.auth.credentials.id) });
  negative:
    - |
      const express = require('express');
      const session = require('express-session');
      const { doubleCsrf } = require('csrf-csrf');
      const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
      const app = express();
      app.use(session({ secret: process.env.SECRET }));
      app.use(doubleCsrfProtection);
      app.post('/transfer', (req, res) => res.redirect('/'));
    # A token API: no cookies, no CSRF.
    - |
      const express = require('express');
      const app = express();
      app.use(express.json());
      app.post('/api/orders', requireBearerToken, (req, res) => res.json(createOrder(req.body)));
`;
var stored_xss_default = "id: js-stored-xss\nlanguage: javascript\nclass: xss\nname: Stored cross-site scripting\nmessage: \"{source} is written into the {label} by `{sink}` without HTML encoding: whoever stored it can run script in other users' browsers (stored cross-site scripting).\"\ndescription: Data read back from the database (SQL query results, ORM and MongoDB lookups) is written into a server-rendered HTML page without encoding.\nhelp: |\n  Encode stored data when it is printed, not when it is stored: `escape-html` (or `he.encode`) for HTML built by\n  hand, `<%= %>` instead of `<%- %>` in EJS, auto-escaping template engines in general. Send data to scripts as\n  JSON (`res.json`), never as HTML. If users may store markup, sanitize it with DOMPurify or `sanitize-html`.\ncwe: [CWE-79]\nlevel: warning\nsecuritySeverity: 6.1\n# Lower than reflected XSS: a column may only ever hold values the application wrote itself (ids, dates).\n# Only strings are reported at res.send: res.send(rows) sends JSON.\nprecision: medium\nsources: [database.*]\nsinks:\n  - { call: \"re:^\\\\$res(?:\\\\.(?!type\\\\(\\\\)|json\\\\(\\\\)|contentType\\\\(\\\\))[^.]+)*\\\\.(?:send|write|end)$\", string: true, label: HTML response }\n  - { assign: \"$ctx.body\", string: true, label: HTML response }\n  - { call: \"$res.render\", render: true, label: template output }\n  - { call: \"$ctx.render\", render: true, label: template output }\ntests:\n  positive:\n    - |\n      app.get('/comments', async (req, res) => {\n        const rows = await db.query('SELECT author, body FROM comments ORDER BY id DESC');\n        res.send('<ul>' + rows.map((r) => `<li>${r.author}: ${r.body}</li>`).join('') + '</ul>');\n      });\n    - files:\n        - file: routes.js\n          code: |\n            app.get('/profile/:id', async (req, res) => {\n              const user = await User.findById(req.params.id);\n              res.render('profile', { bio: user.bio });\n            });\n        - file: views/profile.ejs\n          code: |\n            <div class=\"bio\"><%- bio %></div>\n    - |\n      const sqlite3 = require('sqlite3');\n      const db = new sqlite3.Database('app.db');\n      app.get('/guestbook', (req, res) => {\n        db.all('SELECT name, message FROM entries', [], (err, rows) => {\n          res.send(rows.map((row) => '<p><b>' + row.name + '</b> ' + row.message + '</p>').join(''));\n        });\n      });\n  negative:\n    - |\n      const escapeHtml = require('escape-html');\n      app.get('/comments', async (req, res) => {\n        const rows = await db.query('SELECT author, body FROM comments ORDER BY id DESC');\n        res.send('<ul>' + rows.map((r) => `<li>${escapeHtml(r.author)}: ${escapeHtml(r.body)}</li>`).join('') + '</ul>');\n      });\n    - |\n      app.get('/api/comments', async (req, res) => {\n        const rows = await db.query('SELECT author, body FROM comments');\n        res.json(rows);\n      });\n      app.get('/api/users', async (req, res) => {\n        res.send(await User.find({}));\n      });\n    - files:\n        - file: routes.js\n          code: |\n            app.get('/profile/:id', async (req, res) => {\n              const user = await User.findById(req.params.id);\n              res.render('profile', { bio: user.bio });\n            });\n        - file: views/profile.ejs\n          code: |\n            <div class=\"bio\"><%= bio %></div>\n";
var weak_hash_default = "id: js-weak-hash\nlanguage: javascript\nclass: weak-hash\nmode: call\nname: Weak hash algorithm\nmessage: \"`{sink}` uses a broken hash ({label}): do not use it for passwords, tokens or integrity.\"\ndescription: MD5, SHA-1 and older hashes are broken for security uses (passwords, signatures, integrity checks).\nhelp: |\n  Hash passwords with a password hash (`crypto.scrypt`, `argon2`, `bcrypt`), never with a fast hash; use SHA-256 or\n  better (`crypto.createHash('sha256')`) for integrity and HMAC-SHA-256 for tokens. If this hash is not used for security\n  (a cache key, an ETag), say so beside it and turn the finding off with a waiver.\ncwe: [CWE-328, CWE-916]\nlevel: warning\nsecuritySeverity: 5.9\n# Every MD5/SHA-1 call is reported, whatever it hashes: most are for passwords or tokens in the applications we\n# measured, and a cache key is cheap to waive. Hence medium, not high.\nprecision: medium\n# Plain patterns, not regexes: they are looked up by their last segment instead of being tried on every call.\nsinks:\n  - { call: crypto.createHash, args: [], when: { arg: 0, equals: \"^(?:md2|md4|md5|sha1|sha-1|ripemd|ripemd160|rmd160)$\" }, label: MD5/SHA-1 }\n  # The md5/sha1 packages, and crypto-js.\n  - { call: md5, args: [], label: MD5/SHA-1 }\n  - { call: blueimp-md5, args: [], label: MD5/SHA-1 }\n  - { call: md5-hex, args: [], label: MD5/SHA-1 }\n  - { call: js-md5, args: [], label: MD5/SHA-1 }\n  - { call: js-md5.hex, args: [], label: MD5/SHA-1 }\n  - { call: sha1, args: [], label: MD5/SHA-1 }\n  - { call: js-sha1, args: [], label: MD5/SHA-1 }\n  - { call: js-sha1.hex, args: [], label: MD5/SHA-1 }\n  - { call: crypto-js/md5, args: [], label: MD5/SHA-1 }\n  - { call: crypto-js/sha1, args: [], label: MD5/SHA-1 }\n  - { call: crypto-js.MD5, args: [], label: MD5/SHA-1 }\n  - { call: crypto-js.SHA1, args: [], label: MD5/SHA-1 }\n  - { call: CryptoJS.MD5, args: [], label: MD5/SHA-1 }\n  - { call: CryptoJS.SHA1, args: [], label: MD5/SHA-1 }\ntests:\n  positive:\n    - |\n      const crypto = require('crypto');\n      exports.hash = (password) => crypto.createHash('md5').update(password).digest('hex');\n    - |\n      import md5 from 'md5';\n      export const stored = (password: string) => md5(password);\n    - |\n      import * as crypto from 'node:crypto';\n      const digest = crypto.createHash('sha1').update(secret).digest('base64');\n  negative:\n    - |\n      const crypto = require('crypto');\n      exports.hash = (data) => crypto.createHash('sha256').update(data).digest('hex');\n      exports.mac = (key, data) => crypto.createHmac('sha1', key).update(data).digest('hex');\n";
var weak_random_default = "id: js-weak-random\nlanguage: javascript\nclass: weak-random\nmode: call\nname: Predictable random value for a secret\nmessage: \"`{sink}` makes a {label}: Math.random() is predictable, so the value can be guessed.\"\ndescription: \"A token, session id, password, reset code or other secret is made with Math.random(), which is not a cryptographic generator.\"\nhelp: |\n  Use `crypto.randomBytes(32).toString('hex')`, `crypto.randomUUID()` or `crypto.randomInt(min, max)` (in browsers\n  `crypto.getRandomValues`) for anything an attacker must not guess: tokens, session ids, passwords, reset or\n  verification codes, nonces, salts, cookie values.\ncwe: [CWE-330, CWE-338]\nlevel: warning\nsecuritySeverity: 5.3\nprecision: high\n# Only where the line, or the function, says the value is a secret: Math.random() for animations, jitter or sampling\n# is fine, and would bury the real findings.\nsinks:\n  - call: Math.random\n    args: []\n    near: \"token|secret|passw|passcode|pwd|session|\\\\bsid\\\\b|nonce|salt|\\\\botp|reset|verif|csrf|xsrf|api_?key|apikey|auth|cookie|uuid|guid|invite|activation|(?:\\\\b|_|[a-z])code\\\\b|\\\\bpin\\\\b\"\n    label: secret from a predictable generator\n  - { call: crypto.pseudoRandomBytes, args: [], label: secret from a predictable generator }\ntests:\n  positive:\n    - |\n      function newResetCode() {\n        return Math.floor(Math.random() * 1000000);\n      }\n    - |\n      app.post('/login', (req, res) => {\n        const sessionId = Math.random().toString(36).slice(2);\n        res.cookie('sid', sessionId, { httpOnly: true, secure: true });\n      });\n    - |\n      const user = { name, token: Math.random().toString(36).substring(2) };\n  negative:\n    - |\n      const crypto = require('crypto');\n      function newResetCode() {\n        return crypto.randomInt(0, 1000000);\n      }\n      const token = crypto.randomBytes(32).toString('hex');\n    - |\n      function jitter(ms) {\n        return ms + Math.floor(Math.random() * 100);\n      }\n      const x = Math.random() * width;\n";
var tls_verification_default = "id: js-tls-verification-off\nlanguage: javascript\nclass: tls-verification\nmode: call\nname: TLS certificate verification turned off\nmessage: \"`{sink}` turns off {label}: anyone on the network can read and change the traffic.\"\ndescription: TLS connections are made without checking the server's certificate (rejectUnauthorized false, strictSSL false, NODE_TLS_REJECT_UNAUTHORIZED=0).\nhelp: |\n  Keep certificate checks on (the default). For a private CA, give its certificate to the client (`ca:` of\n  `https.Agent` / `tls.connect`, `NODE_EXTRA_CA_CERTS`) instead of turning verification off.\ncwe: [CWE-295]\nlevel: error\nsecuritySeverity: 7.4\nprecision: high\nsinks:\n  # https/tls options and agents, axios' httpsAgent, got's https option, node-fetch agents, ws, nodemailer tls.\n  - { property: rejectUnauthorized, value: \"^(?:false|0)$\", label: certificate verification }\n  # request / request-promise\n  - { property: strictSSL, value: \"^false$\", label: certificate verification }\n  - { assign: process.env.NODE_TLS_REJECT_UNAUTHORIZED, value: \"^0$\", label: certificate verification for the whole process }\ntests:\n  positive:\n    - |\n      const https = require('https');\n      const agent = new https.Agent({ rejectUnauthorized: false });\n      axios.get(url, { httpsAgent: agent });\n    - |\n      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n    - |\n      const request = require('request');\n      request({ url, strictSSL: false }, cb);\n  negative:\n    - |\n      const https = require('https');\n      const agent = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync('ca.pem') });\n      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';\n";
var insecure_cookie_default = "id: js-insecure-cookie\nlanguage: javascript\nclass: insecure-cookie\nmode: call\nname: Cookie without the Secure or HttpOnly flag\nmessage: \"`{sink}` sets a cookie without {label}.\"\ndescription: A cookie is set without `secure` (it is also sent over plain HTTP) or without `httpOnly` (scripts on the page can read it), or a session middleware turns them off.\nhelp: |\n  Set cookies with `{ httpOnly: true, secure: true, sameSite: 'lax' }` (`res.cookie`, Koa's `ctx.cookies.set`,\n  Fastify's `reply.setCookie`). Do not turn off `cookie.secure` / `cookie.httpOnly` of `express-session` or\n  `secure` / `httpOnly` of `cookie-session`; behind a TLS proxy set `app.set('trust proxy', 1)` instead.\ncwe: [CWE-614, CWE-1004]\nlevel: warning\nsecuritySeverity: 4.3\nprecision: medium\n# Session options hold the session secret: their findings name the argument, never its text.\nsinks:\n  - { call: \"$res.cookie\", args: [], when: { arg: 2, unset: secure }, label: the Secure flag (it is also sent over plain HTTP) }\n  - { call: \"res.cookie\", args: [], when: { arg: 2, unset: secure }, label: the Secure flag (it is also sent over plain HTTP) }\n  - { call: \"response.cookie\", args: [], when: { arg: 2, unset: secure }, label: the Secure flag (it is also sent over plain HTTP) }\n  # HttpOnly only for cookies that look like credentials: a language or theme cookie is meant for page scripts.\n  - { call: \"$res.cookie\", args: [], when: { arg: 2, unset: httpOnly }, near: \"token|sess|\\\\bsid\\\\b|auth|jwt|remember|login|credential|secret|passw|api_?key|apikey\", label: the HttpOnly flag (page scripts can read it) }\n  - { call: \"res.cookie\", args: [], when: { arg: 2, unset: httpOnly }, near: \"token|sess|\\\\bsid\\\\b|auth|jwt|remember|login|credential|secret|passw|api_?key|apikey\", label: the HttpOnly flag (page scripts can read it) }\n  - { call: \"response.cookie\", args: [], when: { arg: 2, unset: httpOnly }, near: \"token|sess|\\\\bsid\\\\b|auth|jwt|remember|login|credential|secret|passw|api_?key|apikey\", label: the HttpOnly flag (page scripts can read it) }\n  - { call: \"$reply.setCookie\", args: [], when: { arg: 2, unset: secure }, label: the Secure flag (it is also sent over plain HTTP) }\n  - { call: \"reply.setCookie\", args: [], when: { arg: 2, unset: secure }, label: the Secure flag (it is also sent over plain HTTP) }\n  # Koa's cookies are httpOnly unless told otherwise.\n  - { call: \"$ctx.cookies.set\", args: [], when: { arg: 2, unset: secure }, label: the Secure flag (it is also sent over plain HTTP) }\n  - { call: \"$ctx.cookies.set\", args: [], when: { arg: 2, falsy: httpOnly }, label: the HttpOnly flag (page scripts can read it) }\n  - { call: express-session, args: [], redact: true, when: { arg: 0, falsy: cookie.secure }, label: the Secure flag on the session cookie }\n  - { call: express-session, args: [], redact: true, when: { arg: 0, falsy: cookie.httpOnly }, label: the HttpOnly flag on the session cookie }\n  - { call: cookie-session, args: [], redact: true, when: { arg: 0, falsy: secure }, label: the Secure flag on the session cookie }\n  - { call: cookie-session, args: [], redact: true, when: { arg: 0, falsy: httpOnly }, label: the HttpOnly flag on the session cookie }\ntests:\n  positive:\n    - |\n      app.post('/login', (req, res) => {\n        res.cookie('token', makeToken(req.body.user), { httpOnly: true });\n        res.end();\n      });\n    - |\n      const session = require('express-session');\n      app.use(session({ secret: process.env.SECRET, cookie: { secure: false } }));\n    - |\n      app.get('/lang', (req, res) => {\n        res.cookie('session', id, { secure: true });\n      });\n  negative:\n    - |\n      app.get('/lang', (req, res) => {\n        res.cookie('lang', req.query.lang === 'de' ? 'de' : 'en', { secure: true, sameSite: 'lax' });\n      });\n    - |\n      app.post('/login', (req, res) => {\n        res.cookie('token', makeToken(req.body.user), { httpOnly: true, secure: true, sameSite: 'lax' });\n        res.end();\n      });\n    - |\n      const session = require('express-session');\n      app.use(session({ secret: process.env.SECRET, cookie: { secure: true, httpOnly: true } }));\n";
var debug_mode_default = `id: js-debug-mode
language: javascript
class: debug-mode
mode: call
name: Development error handler in production code
message: "\`{sink}\` turns on {label} outside a development-only branch: stack traces and internals reach the client."
description: A development error handler (errorhandler, Express 3 errorHandler) is installed without an environment check, or the app is forced into development mode.
help: |
  Install development error handlers only in development (\`if (process.env.NODE_ENV === 'development')
  app.use(errorhandler())\`), never force \`app.set('env', 'development')\`, and give clients a generic error page in
  production.
cwe: [CWE-489, CWE-215]
level: warning
securitySeverity: 5.3
precision: high
sinks:
  - { call: errorhandler, args: [], unlessInside: "env|development|production|debug|dev\\\\b", label: a development error handler }
  - { call: express.errorHandler, args: [], unlessInside: "env|development|production|debug|dev\\\\b", label: a development error handler }
  - { call: "**.set", args: [], when: { arg: 1, equals: "^development$" }, near: "['\\"\`]env['\\"\`]", label: development mode }
tests:
  positive:
    - |
      const errorhandler = require('errorhandler');
      app.use(errorhandler());
    - |
      app.set('env', 'development');
  negative:
    - |
      const errorhandler = require('errorhandler');
      if (process.env.NODE_ENV === 'development') {
        app.use(errorhandler());
      }
      app.set('env', process.env.NODE_ENV);
`;
var stack_trace_exposure_default = `id: js-stack-trace-exposure
language: javascript
class: stack-trace-exposure
name: Stack trace sent to the client
message: "{source} is sent to the client by \`{sink}\`: it shows file paths, library versions and code to an attacker."
description: An error's stack trace is written into the HTTP response.
help: |
  Log the stack on the server (\`logger.error(err)\`) and send the client a generic message with an id it can report
  (\`res.status(500).send('Something went wrong (ref ' + id + ')')\`).
cwe: [CWE-209]
level: warning
securitySeverity: 5.3
precision: high
sources: [error.stack]
extraSources:
  - { pattern: err.stack, kind: error.stack, label: an error's stack trace }
  - { pattern: error.stack, kind: error.stack, label: an error's stack trace }
  - { pattern: e.stack, kind: error.stack, label: an error's stack trace }
  - { pattern: ex.stack, kind: error.stack, label: an error's stack trace }
  - { pattern: exception.stack, kind: error.stack, label: an error's stack trace }
sinks:
  # Error middlewares are (err, req, res, next): their res is not always given a role, hence the plain names too.
  - { call: "$res.**.send", label: HTTP response }
  - { call: "$res.**.write", label: HTTP response }
  - { call: "$res.**.end", label: HTTP response }
  - { call: "$res.**.json", label: HTTP response }
  - { call: "$res.**.jsonp", label: HTTP response }
  - { call: "res.**.send", label: HTTP response }
  - { call: "res.**.write", label: HTTP response }
  - { call: "res.**.end", label: HTTP response }
  - { call: "res.**.json", label: HTTP response }
  - { call: "res.**.jsonp", label: HTTP response }
  - { call: "response.**.send", label: HTTP response }
  - { call: "response.**.write", label: HTTP response }
  - { call: "response.**.end", label: HTTP response }
  - { call: "response.**.json", label: HTTP response }
  - { call: "response.**.jsonp", label: HTTP response }
  - { call: "$reply.**.send", label: HTTP response }
  - { call: "reply.**.send", label: HTTP response }
  - { assign: "$ctx.body", label: HTTP response }
tests:
  positive:
    - |
      app.use((err, req, res, next) => {
        res.status(500).send(err.stack);
      });
    - |
      app.get('/x', async (req, res) => {
        try { await work(); } catch (error) { res.json({ message: error.message, stack: error.stack }); }
      });
  negative:
    - |
      app.use((err, req, res, next) => {
        logger.error(err.stack);
        res.status(500).send('Something went wrong');
      });
`;
var hardcoded_secret_default = `id: js-hardcoded-secret
language: javascript
class: hardcoded-secret
mode: call
name: Hard-coded session or token secret
message: "\`{sink}\` is given {label} written in the code: anyone with the source can forge sessions or tokens."
description: A session secret, cookie signing secret or JWT key is a constant in the source code.
help: |
  Read the secret from the environment or a secret store (\`secret: process.env.SESSION_SECRET\`), keep it out of
  version control, and rotate the one that was committed: it must be treated as public now.
cwe: [CWE-798, CWE-321]
level: error
securitySeverity: 7.5
precision: high
# The findings never show the value: \`redact\` replaces it by its place.
sinks:
  - { call: express-session, args: [], redact: true, when: { arg: 0, key: secret, equals: "." }, label: a session secret }
  - { call: cookie-session, args: [], redact: true, when: { arg: 0, key: secret, equals: "." }, label: a session secret }
  - { call: cookie-session, args: [], redact: true, when: { arg: 0, key: keys, equals: "." }, label: session keys }
  - { call: cookie-parser, args: [], redact: true, when: { arg: 0, equals: "." }, label: a cookie signing secret }
  - { call: jsonwebtoken.sign, args: [], redact: true, when: { arg: 1, equals: "." }, label: a JWT key }
  - { call: jsonwebtoken.verify, args: [], redact: true, when: { arg: 1, equals: "." }, label: a JWT key }
  - { call: express-jwt, args: [], redact: true, when: { arg: 0, key: secret, equals: "." }, label: a JWT key }
  - { call: express-jwt.expressjwt, args: [], redact: true, when: { arg: 0, key: secret, equals: "." }, label: a JWT key }
tests:
  positive:
    - |
      const session = require('express-session');
      app.use(session({ secret: 'keyboard cat', resave: false }));
    - |
      import jwt from 'jsonwebtoken';
      export const issue = (user: string) => jwt.sign({ user }, 'hunter2-signing-key', { expiresIn: '1h' });
  negative:
    - |
      const session = require('express-session');
      const jwt = require('jsonwebtoken');
      app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));
      const token = jwt.sign({ user }, process.env.JWT_KEY);
`;
var jwt_algorithms_default = "id: js-jwt-none-algorithm\nlanguage: javascript\nclass: jwt-algorithm\nmode: call\nname: JWT accepted or signed without a signature\nmessage: \"`{sink}` allows {label}: tokens are accepted without a valid signature.\"\ndescription: \"A JSON Web Token is signed with, or verified accepting, the `none` algorithm.\"\nhelp: |\n  Verify with an explicit allow-list of the algorithm you sign with (`jwt.verify(token, key, { algorithms: ['RS256'] })`),\n  never `none`; upgrade `jsonwebtoken` to 9 or later, which refuses unsigned tokens by default.\ncwe: [CWE-347, CWE-327]\nlevel: error\nsecuritySeverity: 8.1\nprecision: high\nsinks:\n  - { call: jsonwebtoken.verify, args: [], when: { arg: 2, key: algorithms, equals: \"^none$\" }, label: the `none` algorithm }\n  - { call: jsonwebtoken.sign, args: [], when: { arg: 2, key: algorithm, equals: \"^none$\" }, label: the `none` algorithm }\n  - { call: express-jwt, args: [], when: { arg: 0, key: algorithms, equals: \"^none$\" }, label: the `none` algorithm }\n  - { call: express-jwt.expressjwt, args: [], when: { arg: 0, key: algorithms, equals: \"^none$\" }, label: the `none` algorithm }\ntests:\n  positive:\n    - |\n      const jwt = require('jsonwebtoken');\n      const claims = jwt.verify(token, key, { algorithms: ['HS256', 'none'] });\n  negative:\n    - |\n      const jwt = require('jsonwebtoken');\n      const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'] });\n";
var jwt_algorithms_unset_default = "id: js-jwt-algorithms-unset\nlanguage: javascript\nclass: jwt-algorithm\nmode: call\nname: JWT verified without a list of allowed algorithms\nmessage: \"`{sink}` verifies a token without {label}: the token chooses how it is checked.\"\ndescription: \"`jwt.verify` is called without an `algorithms` list, so the algorithm named in the token's header decides how it is verified: with jsonwebtoken before 9, a token signed with HS256 using the public RSA key, or one with `alg: none` and an empty key, is accepted.\"\nhelp: |\n  Pass the algorithm you sign with: `jwt.verify(token, key, { algorithms: ['RS256'] })`, and upgrade `jsonwebtoken`\n  to 9 or later.\ncwe: [CWE-347]\nlevel: note\nsecuritySeverity: 5.9\n# jsonwebtoken 9 refuses the dangerous combinations by itself; the version installed is not known here.\nprecision: medium\nsinks:\n  - { call: jsonwebtoken.verify, args: [], when: { arg: 2, unset: algorithms }, label: \"an `algorithms` list\" }\ntests:\n  positive:\n    - |\n      const jwt = require('jsonwebtoken');\n      const claims = jwt.verify(token, publicKey);\n    - |\n      import jwt from 'jsonwebtoken';\n      export const check = (t: string) => jwt.verify(t, process.env.JWT_PUBLIC_KEY!, { clockTolerance: 5 });\n  negative:\n    - |\n      const jwt = require('jsonwebtoken');\n      const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'] });\n";
var models_default2 = `# Untrusted input in Java web code. Roles come from the adapter (src/lang/java/handlers.ts): a parameter typed
# HttpServletRequest (ServletRequest, Spring's WebRequest) is $req, a response $res; Spring's @RequestParam,
# @PathVariable, @RequestBody, @RequestHeader and @CookieValue parameters are sources themselves.
language: java
sources:
  - { pattern: "$req.getParameter()", kind: http.query, label: request parameter }
  - { pattern: "$req.getParameterValues()", kind: http.query, label: request parameter }
  - { pattern: "$req.getParameterMap()", kind: http.query, label: request parameters }
  - { pattern: "$req.getParameterNames()", kind: http.query, label: request parameter names }
  - { pattern: "$req.getHeader()", kind: http.headers, label: request header }
  - { pattern: "$req.getHeaders()", kind: http.headers, label: request header }
  - { pattern: "$req.getHeaderNames()", kind: http.headers, label: request header names }
  - { pattern: "$req.getCookies()", kind: http.cookies, label: cookie }
  - { pattern: "$req.getQueryString()", kind: http.url, label: query string }
  - { pattern: "$req.getInputStream()", kind: http.body, label: request body }
  - { pattern: "$req.getReader()", kind: http.body, label: request body }
  - { pattern: "$req.getPart()", kind: http.body, label: uploaded part }
  - { pattern: "$req.getParts()", kind: http.body, label: uploaded parts }
  - { pattern: "$req.getPathInfo()", kind: http.url, label: request path }
  - { pattern: "$req.getRequestURI()", kind: http.url, label: request URI }
  - { pattern: "$req.getRequestURL()", kind: http.url, label: request URL }
  - { pattern: "$req.getRemoteUser()", kind: http.headers, label: remote user }
# Numbers carry no injection: the result of these is clean for every class.
sanitizers:
  - "**.Integer.parseInt"
  - "**.Integer.valueOf"
  - "**.Long.parseLong"
  - "**.Long.valueOf"
  - "**.Double.parseDouble"
  - "**.Float.parseFloat"
  - "**.Short.parseShort"
  - "**.Boolean.parseBoolean"
  - "**.UUID.fromString"
propagators:
  - { call: "**.String.valueOf", from: [args], to: return }
  - { call: "**.String.join", from: [args], to: return }
  - { call: "**.URLDecoder.decode", from: [0], to: return }
  - { call: "**.StringBuilder", from: [args], to: return }
  - { call: "**.StringBuffer", from: [args], to: return }
  - { call: "**.String", from: [args], to: return }
  - { call: "**.Arrays.asList", from: [args], to: return }
  - { call: "**.List.of", from: [args], to: return }
  - { call: "**.Base64.decodeBase64", from: [0], to: return }
  - { call: "**.Base64.encodeBase64", from: [0], to: return }
`;
var sql_injection_default2 = 'id: java-sql-injection\nlanguage: java\nclass: sql-injection\nname: SQL injection\nmessage: "{source} reaches the {label} of `{sink}` without a bound parameter: SQL injection."\ndescription: "Untrusted input is built into an SQL statement (JDBC, Spring\'s JdbcTemplate, JPA, Hibernate)."\nhelp: |\n  Use a `PreparedStatement` with `?` placeholders and `setString`/`setInt`, JdbcTemplate\'s `query(sql, args\u2026)` with\n  `?` placeholders, or JPA\'s named parameters (`:name` with `setParameter`). Never concatenate request data into SQL.\ncwe: [CWE-89]\nlevel: error\nsecuritySeverity: 9.8\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "**.executeQuery", label: SQL query }\n  - { call: "**.executeUpdate", label: SQL statement }\n  - { call: "**.executeLargeUpdate", label: SQL statement }\n  - { call: "**.addBatch", label: SQL statement }\n  - { call: "**.execute", receiver: "(?:Statement|[Ss]tmt|[Ss]tatement|createStatement|[Tt]emplate|JDBCtemplate|jdbc)$", label: SQL statement }\n  - { call: "**.prepareStatement", label: SQL statement }\n  - { call: "**.prepareCall", label: SQL call }\n  - { call: "**.nativeSQL", label: SQL statement }\n  - { call: "**.query", receiver: "(?:[Tt]emplate|JDBCtemplate|jdbc)$", label: SQL query }\n  - { call: "**.queryForObject", label: SQL query }\n  - { call: "**.queryForList", label: SQL query }\n  - { call: "**.queryForMap", label: SQL query }\n  - { call: "**.queryForRowSet", label: SQL query }\n  - { call: "**.queryForLong", label: SQL query }\n  - { call: "**.queryForInt", label: SQL query }\n  - { call: "**.queryForStream", label: SQL query }\n  - { call: "**.update", receiver: "(?:[Tt]emplate|JDBCtemplate|jdbc)$", label: SQL statement }\n  - { call: "**.batchUpdate", receiver: "(?:[Tt]emplate|JDBCtemplate|jdbc)$", args: [0, 1], label: SQL statement }\n  - { call: "**.createQuery", label: JPQL/HQL query }\n  - { call: "**.createNativeQuery", label: SQL query }\n  - { call: "**.createSQLQuery", label: SQL query }\nsanitizers:\n  - call: "**.ESAPI.encoder().encodeForSQL"\ntests:\n  positive:\n    - |\n      import javax.servlet.http.*;\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String id = request.getParameter("id");\n          java.sql.Statement st = conn.createStatement();\n          st.executeQuery("SELECT * FROM users WHERE id = \'" + id + "\'");\n        }\n      }\n    - |\n      @RestController\n      public class Users {\n        @GetMapping("/u")\n        public Object find(@RequestParam("name") String name) {\n          return jdbcTemplate.queryForObject("SELECT * FROM users WHERE name = \'" + name + "\'", String.class);\n        }\n      }\n    - |\n      public class A extends HttpServlet {\n        public void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          StringBuilder sb = new StringBuilder();\n          sb.append("SELECT * FROM t WHERE a = \'").append(request.getHeader("X")).append("\'");\n          java.sql.PreparedStatement ps = connection.prepareStatement(sb.toString());\n          ps.execute();\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String id = request.getParameter("id");\n          java.sql.PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = ?");\n          ps.setString(1, id);\n          ps.executeQuery();\n        }\n      }\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          int id = Integer.parseInt(request.getParameter("id"));\n          conn.createStatement().executeQuery("SELECT * FROM users WHERE id = " + id);\n        }\n      }\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String bar = request.getParameter("id");\n          int num = 86;\n          if ((7 * 42) - num > 200) bar = "This_should_always_happen"; else bar = request.getParameter("x");\n          bar = "safe";\n          conn.createStatement().executeQuery("SELECT * FROM users WHERE id = " + bar);\n        }\n      }\n';
var command_injection_default2 = 'id: java-command-injection\nlanguage: java\nclass: command-injection\nname: OS command injection\nmessage: "{source} reaches the {label} of `{sink}`: OS command injection."\ndescription: "Untrusted input is part of a command run by Runtime.exec or ProcessBuilder."\nhelp: |\n  Do not build commands from request data. Run a fixed program with `ProcessBuilder` and a fixed argument list, and pass\n  user data only as separate, validated arguments (an allow-list), never through a shell (`sh -c`, `cmd /c`).\ncwe: [CWE-78]\nlevel: error\nsecuritySeverity: 9.8\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "**.exec", receiver: "(?:Runtime|getRuntime|runtime|rt)$", args: [0, 1], label: command }\n  - { call: "**.ProcessBuilder", args: [0, 1, 2, 3, 4], label: command }\n  - { call: "**.command", receiver: "(?:ProcessBuilder|pb|processBuilder|builder)$", args: [0, 1, 2, 3, 4], label: command }\n  - { call: "**.CommandLine.parse", label: command }\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String host = request.getParameter("host");\n          Runtime r = Runtime.getRuntime();\n          r.exec("ping -c 1 " + host);\n        }\n      }\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          java.util.List<String> argList = new java.util.ArrayList<String>();\n          argList.add("sh");\n          argList.add("-c");\n          argList.add("echo " + request.getHeader("X"));\n          ProcessBuilder pb = new ProcessBuilder();\n          pb.command(argList);\n          pb.start();\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String host = request.getParameter("host");\n          Runtime.getRuntime().exec("ping -c 1 localhost");\n          response.getWriter().println(host.length());\n        }\n      }\n';
var path_traversal_default2 = 'id: java-path-traversal\nlanguage: java\nclass: path-traversal\nname: Path traversal\nmessage: "{source} reaches the {label} of `{sink}`: path traversal."\ndescription: "Untrusted input names a file that is opened, read or written."\nhelp: |\n  Do not use request data as a path. Map it to a known file (an allow-list), or keep only its base name\n  (`FilenameUtils.getName`, `Paths.get(x).getFileName()`), resolve it under a fixed folder and check that the\n  normalized result still starts with that folder.\ncwe: [CWE-22]\nlevel: error\nsecuritySeverity: 7.5\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "**.File", args: [0, 1], label: file path }\n  - { call: "**.FileInputStream", label: file path }\n  - { call: "**.FileOutputStream", label: file path }\n  - { call: "**.FileReader", label: file path }\n  - { call: "**.FileWriter", label: file path }\n  - { call: "**.RandomAccessFile", label: file path }\n  - { call: "**.PrintWriter", receiver: "^(?:io|java)$", label: file path }\n  - { call: "**.Paths.get", args: [0, 1, 2, 3], label: file path }\n  - { call: "**.Path.of", args: [0, 1, 2, 3], label: file path }\n  - { call: "**.Files.newInputStream", label: file path }\n  - { call: "**.Files.newOutputStream", label: file path }\n  - { call: "**.Files.readAllBytes", label: file path }\n  - { call: "**.Files.readAllLines", label: file path }\n  - { call: "**.Files.write", label: file path }\n  - { call: "**.Files.delete", label: file path }\n  - { call: "**.Files.copy", args: [0, 1], label: file path }\nsanitizers:\n  - call: "**.FilenameUtils.getName"\n  - call: "**.getFileName"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          javax.servlet.http.Cookie[] cookies = request.getCookies();\n          String param = "none";\n          for (javax.servlet.http.Cookie c : cookies) {\n            if (c.getName().equals("f")) param = java.net.URLDecoder.decode(c.getValue(), "UTF-8");\n          }\n          java.io.FileInputStream fis = new java.io.FileInputStream(new java.io.File("/tmp/" + param));\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String param = request.getParameter("f");\n          java.util.List<String> valuesList = new java.util.ArrayList<String>();\n          valuesList.add("safe");\n          valuesList.add(param);\n          valuesList.add("moresafe");\n          valuesList.remove(0);\n          String bar = valuesList.get(1);\n          new java.io.File("/tmp/" + bar);\n        }\n      }\n';
var xss_default2 = 'id: java-xss\nlanguage: java\nclass: xss\nname: Reflected cross-site scripting\nmessage: "{source} reaches the {label} of `{sink}`: cross-site scripting."\ndescription: "Untrusted input is written into the HTML response without encoding."\nhelp: |\n  Encode for the context: `ESAPI.encoder().encodeForHTML(x)`, `StringEscapeUtils.escapeHtml4(x)`, Spring\'s `HtmlUtils.htmlEscape(x)`, or render through a template engine that escapes by default.\ncwe: [CWE-79]\nlevel: error\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "$res.getWriter().print", label: HTML response }\n  - { call: "$res.getWriter().println", label: HTML response }\n  - { call: "$res.getWriter().write", label: HTML response }\n  - { call: "$res.getWriter().append", label: HTML response }\n  - { call: "$res.getWriter().format", args: [0, 1, 2, 3], label: HTML response }\n  - { call: "$res.getWriter().printf", args: [0, 1, 2, 3], label: HTML response }\n  - { call: "$res.getOutputStream().print", label: HTML response }\n  - { call: "$res.getOutputStream().println", label: HTML response }\n  - { call: "$res.getOutputStream().write", label: HTML response }\n  - { call: "**.PrintWriter.print", label: HTML response }\n  - { call: "**.PrintWriter.println", label: HTML response }\n  - { call: "**.PrintWriter.write", label: HTML response }\n  - { call: "**.PrintWriter.append", label: HTML response }\n  - { call: "**.PrintWriter.format", args: [0, 1, 2, 3], label: HTML response }\n  - { call: "**.PrintWriter.printf", args: [0, 1, 2, 3], label: HTML response }\nsanitizers:\n  - call: "**.encodeForHTML"\n  - call: "**.encodeForHTMLAttribute"\n  - call: "**.encodeForJavaScript"\n  - call: "**.escapeHtml"\n  - call: "**.escapeHtml3"\n  - call: "**.escapeHtml4"\n  - call: "**.htmlEscape"\n  - call: "**.Encode.forHtml"\n  - call: "**.Encode.forHtmlContent"\n  - call: "**.Encode.forHtmlAttribute"\n  - call: "**.sanitize"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String name = request.getParameter("name");\n          response.getWriter().println("<p>Hello " + name + "</p>");\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String name = request.getParameter("name");\n          response.getWriter().println("<p>Hello " + org.owasp.esapi.ESAPI.encoder().encodeForHTML(name) + "</p>");\n        }\n      }\n';
var ldap_injection_default = 'id: java-ldap-injection\nlanguage: java\nclass: ldap-injection\nname: LDAP injection\nmessage: "{source} reaches the {label} of `{sink}`: LDAP injection."\ndescription: "Untrusted input is built into an LDAP search filter."\nhelp: |\n  Escape filter values (`ESAPI.encoder().encodeForLDAP`, Spring LDAP\'s `LdapEncoder.filterEncode`) or pass them as filter arguments (`search(base, "(uid={0})", new Object[]{x}, controls)`).\ncwe: [CWE-90]\nlevel: error\nsecuritySeverity: 8.1\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "**.search", receiver: "(?:DirContext|LdapContext|[Cc]tx|[Cc]ontext|LdapTemplate|ldapTemplate|getDirContext)$", args: [0, 1], label: LDAP filter }\nsanitizers:\n  - call: "**.encodeForLDAP"\n  - call: "**.encodeForDN"\n  - call: "**.filterEncode"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String user = request.getParameter("user");\n          javax.naming.directory.DirContext ctx = ads.getDirContext();\n          ctx.search("ou=users", "(&(objectclass=person)(uid=" + user + "))", new javax.naming.directory.SearchControls());\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String user = request.getParameter("user");\n          javax.naming.directory.DirContext ctx = ads.getDirContext();\n          ctx.search("ou=users", "(&(objectclass=person)(uid={0}))", new Object[] { user }, new javax.naming.directory.SearchControls());\n        }\n      }\n';
var xpath_injection_default = 'id: java-xpath-injection\nlanguage: java\nclass: xpath-injection\nname: XPath injection\nmessage: "{source} reaches the {label} of `{sink}`: XPath injection."\ndescription: "Untrusted input is built into an XPath expression."\nhelp: |\n  Bind values as XPath variables (`XPath.setXPathVariableResolver`) or escape them (`ESAPI.encoder().encodeForXPath`).\ncwe: [CWE-643]\nlevel: error\nsecuritySeverity: 7.5\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "**.evaluate", receiver: "(?:XPath|[Xx]path|xp|newXPath)$", label: XPath expression }\n  - { call: "**.compile", receiver: "(?:XPath|[Xx]path|xp|newXPath)$", label: XPath expression }\n  - { call: "**.selectNodes", label: XPath expression }\n  - { call: "**.selectSingleNode", label: XPath expression }\nsanitizers:\n  - call: "**.encodeForXPath"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String id = request.getParameter("id");\n          javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();\n          xp.evaluate("/Employees/Employee[@emplid=\'" + id + "\']", doc);\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          String id = request.getParameter("id");\n          javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();\n          xp.evaluate("/Employees/Employee[@emplid=\'" + org.owasp.esapi.ESAPI.encoder().encodeForXPath(id) + "\']", doc);\n        }\n      }\n';
var trust_boundary_default = 'id: java-trust-boundary\nlanguage: java\nclass: trust-boundary\nname: Trust boundary violation\nmessage: "{source} reaches the {label} of `{sink}`: trust boundary violation."\ndescription: "Untrusted input is stored in the session, where the rest of the application treats it as trusted."\nhelp: |\n  Validate request data before it goes into the session (an allow-list, a type), and keep what came from users apart from what the application decided.\ncwe: [CWE-501]\nlevel: warning\nsecuritySeverity: 4.3\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "**.setAttribute", receiver: "(?:HttpSession|getSession|[Ss]ession)$", args: [0, 1], label: session attribute }\n  - { call: "**.putValue", receiver: "(?:HttpSession|getSession|[Ss]ession)$", args: [0, 1], label: session attribute }\nsanitizers:\n  - call: "**.getValidInput"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          request.getSession().setAttribute("user", request.getParameter("user"));\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          request.getSession().setAttribute("user", "anonymous");\n        }\n      }\n';
var open_redirect_default2 = 'id: java-open-redirect\nlanguage: java\nclass: open-redirect\nname: Open redirect\nmessage: "{source} reaches the {label} of `{sink}`: open redirect."\ndescription: "Untrusted input is the target of a redirect."\nhelp: |\n  Redirect only to paths of your own application (a fixed prefix such as `/app/`) or to an allow-list of targets; never to a URL taken from the request.\ncwe: [CWE-601]\nlevel: warning\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "$res.sendRedirect", label: redirect target }\n  - { call: "$res.setHeader", args: [1], when: { arg: 0, equals: "^location$" }, label: Location header }\nsanitizers:\n  - call: "**.encodeForURL"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          response.sendRedirect(request.getParameter("next"));\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          response.sendRedirect("/home?x=" + request.getParameter("next").length());\n        }\n      }\n';
var header_injection_default2 = 'id: java-header-injection\nlanguage: java\nclass: header-injection\nname: HTTP header injection\nmessage: "{source} reaches the {label} of `{sink}`: HTTP response header injection."\ndescription: "Untrusted input is written into a response header."\nhelp: |\n  Do not put request data into headers; if you must, remove CR and LF (`replaceAll("[\\\\r\\\\n]", "")`) or encode it (`URLEncoder.encode`).\ncwe: [CWE-113]\nlevel: warning\nsecuritySeverity: 5.4\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "$res.setHeader", args: [1], label: response header }\n  - { call: "$res.addHeader", args: [1], label: response header }\nsanitizers:\n  - call: "**.URLEncoder.encode"\n  - call: "**.encodeForURL"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          response.setHeader("X-Name", request.getParameter("name"));\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          response.setHeader("X-Name", java.net.URLEncoder.encode(request.getParameter("name"), "UTF-8"));\n        }\n      }\n';
var deserialization_default2 = 'id: java-deserialization\nlanguage: java\nclass: deserialization\nname: Insecure deserialization\nmessage: "{source} reaches the {label} of `{sink}`: insecure deserialization."\ndescription: "Untrusted bytes are deserialized with Java serialization (ObjectInputStream, XMLDecoder, XStream)."\nhelp: |\n  Do not deserialize data from users with Java serialization. Use JSON with a fixed target type, or an `ObjectInputFilter` that allows only your classes.\ncwe: [CWE-502]\nlevel: error\nsecuritySeverity: 9.8\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "**.ObjectInputStream", label: deserialized stream }\n  - { call: "**.XMLDecoder", label: deserialized XML }\n  - { call: "**.XStream.fromXML", label: deserialized XML }\n  - { call: "**.fromXML", receiver: "(?:XStream|xstream|xs)$", label: deserialized XML }\nsanitizers:\n  - call: "**.ValidatingObjectInputStream"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          java.io.ObjectInputStream in = new java.io.ObjectInputStream(request.getInputStream());\n          Object o = in.readObject();\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.FileInputStream("/etc/app/state.bin"));\n          Object o = in.readObject();\n        }\n      }\n';
var xxe_default = 'id: java-xxe\nlanguage: java\nclass: xxe\nname: XML external entities (XXE)\nmessage: "{source} reaches the {label} of `{sink}`: XML external entity injection."\ndescription: "Untrusted XML is parsed by a parser that resolves external entities by default (DocumentBuilder, SAXParser, XMLReader, XMLInputFactory, JAXB)."\nhelp: |\n  Disallow DOCTYPE declarations on the factory: `factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)` (and for StAX `XMLInputFactory.SUPPORT_DTD` false), or parse with a hardened library.\ncwe: [CWE-611]\nlevel: error\nsecuritySeverity: 7.5\nprecision: high\nsources: [http.*]\nsinks:\n  - { call: "**.DocumentBuilder.parse", label: XML parser }\n  - { call: "**.newDocumentBuilder().parse", label: XML parser }\n  - { call: "**.SAXParser.parse", label: XML parser }\n  - { call: "**.newSAXParser().parse", label: XML parser }\n  - { call: "**.XMLReader.parse", label: XML parser }\n  - { call: "**.createXMLStreamReader", label: XML parser }\n  - { call: "**.Unmarshaller.unmarshal", label: XML parser }\nsanitizers:\n  - call: "**.encodeForXML"\ntests:\n  positive:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          javax.xml.parsers.DocumentBuilder db = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder();\n          db.parse(request.getInputStream());\n        }\n      }\n  negative:\n    - |\n      public class A extends HttpServlet {\n        public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n          javax.xml.parsers.DocumentBuilder db = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder();\n          db.parse(new java.io.File("/etc/app/config.xml"));\n        }\n      }\n';
var weak_crypto_default = 'id: java-weak-crypto\nlanguage: java\nclass: weak-crypto\nmode: call\nname: Broken or risky cipher\nmessage: "{source} asks `{sink}` for a {label}: broken or risky cryptography."\ndescription: "A cipher is requested with a broken algorithm (DES, 3DES, RC2, RC4, Blowfish) or in ECB mode."\nhelp: |\n  Use AES in GCM mode (`Cipher.getInstance("AES/GCM/NoPadding")`) with a random 12-byte IV per message, or ChaCha20-Poly1305.\ncwe: [CWE-327]\nlevel: warning\nsecuritySeverity: 5.9\nprecision: high\nsinks:\n  - { call: "**.Cipher.getInstance", when: { arg: 0, equals: "^(?:DES|DESede|TripleDES|3DES|RC2|RC4|ARCFOUR|Blowfish|AES)$|^(?:DES|DESede|TripleDES|3DES|RC2|RC4|ARCFOUR|Blowfish)/|/ECB/" }, label: weak cipher }\n  - { call: "**.KeyGenerator.getInstance", when: { arg: 0, equals: "^(?:DES|DESede|TripleDES|RC2|RC4|ARCFOUR|Blowfish)$" }, label: weak cipher key }\ntests:\n  positive:\n    - |\n      public class A {\n        void f() throws Exception {\n          javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding");\n        }\n      }\n  negative:\n    - |\n      public class A {\n        void f() throws Exception {\n          javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");\n        }\n      }\n';
var weak_hash_default2 = 'id: java-weak-hash\nlanguage: java\nclass: weak-hash\nmode: call\nname: Weak hash algorithm\nmessage: "{source} asks `{sink}` for a {label}: a weak hash."\ndescription: "A message digest is requested with a broken algorithm (MD2, MD4, MD5, SHA-1)."\nhelp: |\n  Use SHA-256 or stronger for integrity; for passwords use a slow, salted function (bcrypt, scrypt, Argon2, PBKDF2).\ncwe: [CWE-328]\nlevel: warning\nsecuritySeverity: 5.9\nprecision: high\nsinks:\n  - { call: "**.MessageDigest.getInstance", when: { arg: 0, equals: "^(?:MD2|MD4|MD5|SHA|SHA1|SHA-1)$" }, label: weak digest }\n  - { call: "**.DigestUtils.md5", args: [], label: MD5 digest }\n  - { call: "**.DigestUtils.md5Hex", args: [], label: MD5 digest }\n  - { call: "**.DigestUtils.sha1", args: [], label: SHA-1 digest }\n  - { call: "**.DigestUtils.sha1Hex", args: [], label: SHA-1 digest }\n  - { call: "**.DigestUtils.shaHex", args: [], label: SHA-1 digest }\ntests:\n  positive:\n    - |\n      public class A {\n        void f() throws Exception {\n          java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");\n        }\n      }\n  negative:\n    - |\n      public class A {\n        void f() throws Exception {\n          java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");\n        }\n      }\n';
var weak_random_default2 = 'id: java-weak-random\nlanguage: java\nclass: weak-random\nmode: call\nname: Predictable random numbers\nmessage: "{source} draws a {label}: predictable randomness."\ndescription: "A value is drawn from java.util.Random or Math.random, which are predictable."\nhelp: |\n  Use `java.security.SecureRandom` for anything an attacker must not guess (tokens, identifiers, passwords, keys).\ncwe: [CWE-330]\nlevel: warning\nsecuritySeverity: 5.3\nprecision: high\nsinks:\n  - { call: "**.Random().nextInt", args: [], label: predictable random number }\n  - { call: "**.Random().nextLong", args: [], label: predictable random number }\n  - { call: "**.Random().nextDouble", args: [], label: predictable random number }\n  - { call: "**.Random().nextFloat", args: [], label: predictable random number }\n  - { call: "**.Random().nextGaussian", args: [], label: predictable random number }\n  - { call: "**.Random().nextBytes", args: [], label: predictable random number }\n  - { call: "**.Random().nextBoolean", args: [], label: predictable random number }\n  - { call: "**.Random.nextInt", args: [], label: predictable random number }\n  - { call: "**.Random.nextLong", args: [], label: predictable random number }\n  - { call: "**.Random.nextDouble", args: [], label: predictable random number }\n  - { call: "**.Random.nextFloat", args: [], label: predictable random number }\n  - { call: "**.Random.nextGaussian", args: [], label: predictable random number }\n  - { call: "**.Random.nextBytes", args: [], label: predictable random number }\n  - { call: "**.Random.nextBoolean", args: [], label: predictable random number }\n  - { call: "Math.random", args: [], label: predictable random number }\n  - { call: "java.lang.Math.random", args: [], label: predictable random number }\ntests:\n  positive:\n    - |\n      public class A {\n        void f() throws Exception {\n          long token = new java.util.Random().nextLong();\n        }\n      }\n  negative:\n    - |\n      public class A {\n        void f() throws Exception {\n          long token = new java.security.SecureRandom().nextLong();\n        }\n      }\n';
var insecure_cookie_default2 = 'id: java-insecure-cookie\nlanguage: java\nclass: insecure-cookie\nmode: call\nname: Cookie without the Secure flag\nmessage: "{source} is passed to `{sink}` ({label}): the cookie is sent over plain HTTP."\ndescription: "A cookie is explicitly marked as not Secure: browsers send it over plain HTTP."\nhelp: |\n  Call `cookie.setSecure(true)` (and `setHttpOnly(true)`), or set `secure` in the session cookie configuration.\ncwe: [CWE-614]\nlevel: warning\nsecuritySeverity: 4.3\nprecision: high\nsinks:\n  - { call: "**.setSecure", when: { arg: 0, equals: "^false$" }, label: Secure flag off }\ntests:\n  positive:\n    - |\n      public class A {\n        void f() throws Exception {\n          javax.servlet.http.Cookie c = new javax.servlet.http.Cookie("id", "v");\n          c.setSecure(false);\n        }\n      }\n  negative:\n    - |\n      public class A {\n        void f() throws Exception {\n          javax.servlet.http.Cookie c = new javax.servlet.http.Cookie("id", "v");\n          c.setSecure(true);\n        }\n      }\n';
var models_default3 = '# Untrusted input in PHP. The adapter (src/lang/php/) turns superglobals into plain names (`$_GET` is `_GET`), gives a\n# typed request parameter (Laravel\'s and Symfony\'s Request, PSR-7\'s ServerRequestInterface) the role `$req`, and\n# turns what a command prints or a file holds into calls of `__command_output` and `__file_contents`.\nlanguage: php\nsources:\n  - { pattern: _GET, kind: http.query, label: request parameter }\n  - { pattern: _POST, kind: http.body, label: form field }\n  - { pattern: _REQUEST, kind: http.query, label: request parameter }\n  - { pattern: _COOKIE, kind: http.cookies, label: cookie }\n  - { pattern: _FILES, kind: http.body, label: uploaded file }\n  - { pattern: "re:^_SERVER\\\\.(?:HTTP_\\\\w+|PHP_SELF|REQUEST_URI|QUERY_STRING|PATH_INFO|PATH_TRANSLATED|argv)", kind: http.headers, label: request header }\n  - { pattern: HTTP_RAW_POST_DATA, kind: http.body, label: request body }\n  - { pattern: "getallheaders()", kind: http.headers, label: request header }\n  # Stored by this or an earlier request: as untrusted as what was put there.\n  - { pattern: _SESSION, kind: stored.session, label: session value }\n  # Data from outside the program: a command\'s output, a file\'s or a URL\'s content.\n  - { pattern: "__command_output()", kind: external.command, label: command output }\n  - { pattern: "__file_contents()", kind: external.file, label: file content }\n  - { pattern: "fgets()", kind: external.file, label: file content }\n  - { pattern: "fgetss()", kind: external.file, label: file content }\n  - { pattern: "fread()", kind: external.file, label: file content }\n  - { pattern: "fgetcsv()", kind: external.file, label: file content }\n  - { pattern: "fscanf()", kind: external.file, label: file content }\n  - { pattern: "stream_get_contents()", kind: external.file, label: file content }\n  - { pattern: "stream_get_line()", kind: external.file, label: file content }\n  # Laravel: Illuminate\\Http\\Request, the Request facade, the request() helper\n  - { pattern: "$req.input()", kind: http.query, label: request parameter }\n  - { pattern: "$req.query()", kind: http.query, label: request parameter }\n  - { pattern: "$req.post()", kind: http.body, label: form field }\n  - { pattern: "$req.get()", kind: http.query, label: request parameter }\n  - { pattern: "$req.all()", kind: http.query, label: request parameters }\n  - { pattern: "$req.only()", kind: http.query, label: request parameters }\n  - { pattern: "$req.except()", kind: http.query, label: request parameters }\n  - { pattern: "$req.validated()", kind: http.body, label: request parameters }\n  - { pattern: "$req.json()", kind: http.body, label: request body }\n  - { pattern: "$req.string()", kind: http.query, label: request parameter }\n  - { pattern: "$req.str()", kind: http.query, label: request parameter }\n  - { pattern: "$req.cookie()", kind: http.cookies, label: cookie }\n  - { pattern: "$req.header()", kind: http.headers, label: request header }\n  - { pattern: "$req.route()", kind: http.params, label: route parameter }\n  - { pattern: "$req.file()", kind: http.body, label: uploaded file }\n  - { pattern: "$req.getContent()", kind: http.body, label: request body }\n  - { pattern: "$req.fullUrl()", kind: http.url, label: request URL }\n  - { pattern: "$req.path()", kind: http.url, label: request path }\n  - { pattern: "$req.url()", kind: http.url, label: request URL }\n  - { pattern: "re:^(?:Request|Input)\\\\.(?:input|query|get|post|all|only|except|cookie|header|json)\\\\(\\\\)$", kind: http.query, label: request parameter }\n  - { pattern: "request()", kind: http.query, label: request parameter }\n  - { pattern: "request().input()", kind: http.query, label: request parameter }\n  - { pattern: "request().query()", kind: http.query, label: request parameter }\n  - { pattern: "request().get()", kind: http.query, label: request parameter }\n  - { pattern: "request().all()", kind: http.query, label: request parameters }\n  # Symfony HttpFoundation: $request->query / request / cookies / headers / attributes (ParameterBags)\n  - { pattern: $req.query, kind: http.query, label: request parameter }\n  - { pattern: $req.request, kind: http.body, label: form field }\n  - { pattern: $req.cookies, kind: http.cookies, label: cookie }\n  - { pattern: $req.headers, kind: http.headers, label: request header }\n  - { pattern: $req.attributes, kind: http.params, label: route parameter }\n  - { pattern: $req.files, kind: http.body, label: uploaded file }\n  - { pattern: "$req.getUri()", kind: http.url, label: request URL }\n  - { pattern: "$req.getRequestUri()", kind: http.url, label: request URL }\n  - { pattern: "$req.getPathInfo()", kind: http.url, label: request path }\n  # PSR-7\n  - { pattern: "$req.getQueryParams()", kind: http.query, label: request parameters }\n  - { pattern: "$req.getParsedBody()", kind: http.body, label: request body }\n  - { pattern: "$req.getCookieParams()", kind: http.cookies, label: cookie }\n  - { pattern: "$req.getHeaderLine()", kind: http.headers, label: request header }\n  - { pattern: "$req.getBody()", kind: http.body, label: request body }\n  - { pattern: "$req.getAttribute()", kind: http.params, label: route parameter }\n# Numbers, yes/no answers and hashes carry no injection: the result of these is clean for every class.\nsanitizers:\n  - intval\n  - floatval\n  - doubleval\n  - boolval\n  - abs\n  - round\n  - floor\n  - ceil\n  - count\n  - strlen\n  - mb_strlen\n  - md5\n  - sha1\n  - crc32\n  - hash\n  - password_hash\n  - bin2hex\n  - uniqid\n  - random_int\n  - rand\n  - mt_rand\n  - filter_var.FILTER_VALIDATE_INT\n  - filter_var.FILTER_VALIDATE_FLOAT\n  - filter_var.FILTER_VALIDATE_BOOLEAN\n  - filter_var.FILTER_VALIDATE_BOOL\n  - filter_var.FILTER_VALIDATE_IP\n  - in_array\n  - array_key_exists\n  - ctype_digit\n  - ctype_alnum\n  - is_numeric\n  - number_format\n  - date\n  - time\n  - json_encode\n# Calls that pass their input on, followed as sure steps (other calls are followed too, but as guesses).\npropagators:\n  - { call: filter_var, from: [0] }\n  - { call: "filter_var.*", from: [0] }\n  - { call: __unserialized, from: [0] }\n  - { call: trim, from: [0] }\n  - { call: ltrim, from: [0] }\n  - { call: rtrim, from: [0] }\n  - { call: strtolower, from: [0] }\n  - { call: strtoupper, from: [0] }\n  - { call: ucfirst, from: [0] }\n  - { call: substr, from: [0] }\n  - { call: str_replace, from: [1, 2] }\n  - { call: str_ireplace, from: [1, 2] }\n  - { call: preg_replace, from: [1, 2] }\n  - { call: "*.strip_single_quotes", from: [1, 2] }\n  - { call: implode, from: [0, 1] }\n  - { call: join, from: [0, 1] }\n  - { call: explode, from: [1] }\n  - { call: str_pad, from: [0, 2] }\n  - { call: strval, from: [0] }\n  - { call: urldecode, from: [0] }\n  - { call: rawurldecode, from: [0] }\n  - { call: base64_decode, from: [0] }\n  - { call: html_entity_decode, from: [0] }\n  - { call: stripslashes, from: [0] }\n  - { call: json_decode, from: [0] }\n  - { call: array_merge, from: [args] }\n  - { call: array_values, from: [0] }\n  - { call: array_pop, from: [0] }\n  - { call: array_shift, from: [0] }\n  - { call: current, from: [0] }\n  - { call: reset, from: [0] }\n  - { call: end, from: [0] }\n  - { call: nl2br, from: [0] }\n';
var sql_injection_default3 = `id: php-sql-injection
language: php
class: sql-injection
name: SQL injection
message: "{source} reaches the {label} of \`{sink}\` without a bound parameter: SQL injection."
description: Untrusted input is built into an SQL statement.
help: |
  Use a prepared statement and bind the value: \`$stmt = $mysqli->prepare('SELECT \u2026 WHERE id = ?'); $stmt->bind_param('s', $id);\`,
  \`$pdo->prepare('\u2026 WHERE id = :id')->execute(['id' => $id])\`, \`pg_query_params($db, '\u2026 $1', [$id])\`, or the query
  builder of your framework (\`DB::select('\u2026 ?', [$id])\`, \`->where('id', $id)\`). Converting to a number (\`(int) $id\`,
  \`intval($id)\`) also makes it safe; escaping functions only protect values inside quotes.
cwe: [CWE-89]
level: error
securitySeverity: 9.8
precision: high
sources: [http.*, stored.*, external.*]
sinks:
  - { call: mysql_query, label: SQL query }
  - { call: mysql_unbuffered_query, label: SQL query }
  - { call: mysql_db_query, args: [1], label: SQL query }
  - { call: mysqli_query, args: [1], label: SQL query }
  - { call: mysqli_multi_query, args: [1], label: SQL query }
  - { call: mysqli_real_query, args: [1], label: SQL query }
  - { call: mysqli_prepare, args: [1], label: SQL statement }
  - { call: pg_query, args: [0, 1], label: SQL query }
  - { call: pg_send_query, args: [1], label: SQL query }
  - { call: pg_query_params, args: [0, 1], label: SQL query }
  - { call: pg_prepare, args: [2], label: SQL statement }
  - { call: sqlite_query, args: [0, 1], label: SQL query }
  - { call: sqlite_exec, args: [0, 1], label: SQL statement }
  - { call: sqlite_array_query, args: [0, 1], label: SQL query }
  - { call: sqlite_unbuffered_query, args: [0, 1], label: SQL query }
  - { call: mssql_query, label: SQL query }
  - { call: sqlsrv_query, args: [1], label: SQL query }
  - { call: sqlsrv_prepare, args: [1], label: SQL statement }
  - { call: odbc_exec, args: [1], label: SQL query }
  - { call: odbc_prepare, args: [1], label: SQL statement }
  - { call: oci_parse, args: [1], label: SQL statement }
  - { call: db2_exec, args: [1], label: SQL query }
  - { call: ibase_query, args: [0, 1], label: SQL query }
  - { call: maxdb_query, args: [1], label: SQL query }
  # mysqli, PDO, SQLite3, Doctrine DBAL connections and wrappers, by the receiver's name
  - call: "**.query"
    receiver: "^(?:.*_)?(?:[dD][bB]\\\\w*|\\\\w*[pP][dD][oO]|mysqli\\\\w*|[mM]ysql\\\\w*|conn\\\\w*|Conn\\\\w*|connection|link|database|Database|sqlite\\\\w*|SQLite3?|wpdb|pg\\\\w*|dbh|DB|handle|sql)$"
    label: SQL query
  - call: "**.exec"
    receiver: "^(?:.*_)?(?:[dD][bB]\\\\w*|\\\\w*[pP][dD][oO]|conn\\\\w*|Conn\\\\w*|connection|database|sqlite\\\\w*|SQLite3?|dbh|DB)$"
    label: SQL statement
  - call: "**.prepare"
    receiver: "^(?:.*_)?(?:[dD][bB]\\\\w*|\\\\w*[pP][dD][oO]|mysqli\\\\w*|conn\\\\w*|Conn\\\\w*|connection|link|database|sqlite\\\\w*|SQLite3?|wpdb|dbh|DB)$"
    label: SQL statement
  - { call: "**.multi_query", label: SQL query }
  - { call: "**.real_query", label: SQL query }
  - { call: "**.querySingle", label: SQL query }
  - { call: "**.get_results", receiver: "^wpdb$", label: SQL query }
  - { call: "**.get_row", receiver: "^wpdb$", label: SQL query }
  - { call: "**.get_var", receiver: "^wpdb$", label: SQL query }
  # Doctrine DBAL and ORM
  - { call: "**.executeQuery", label: SQL query }
  - { call: "**.executeStatement", label: SQL statement }
  - { call: "**.executeUpdate", label: SQL statement }
  - { call: "**.fetchAllAssociative", label: SQL query }
  - { call: "**.fetchAssociative", label: SQL query }
  - { call: "**.createQuery", label: DQL query }
  - { call: "**.createNativeQuery", label: SQL query }
  # Laravel: DB facade raw statements and raw query-builder clauses
  - { call: "re:^DB\\\\.(?:select|selectOne|insert|update|delete|statement|unprepared|raw)$", label: SQL statement }
  - { call: "**.whereRaw", label: raw SQL condition }
  - { call: "**.orWhereRaw", label: raw SQL condition }
  - { call: "**.havingRaw", label: raw SQL condition }
  - { call: "**.orderByRaw", label: raw SQL ordering }
  - { call: "**.selectRaw", label: raw SQL }
  - { call: "**.groupByRaw", label: raw SQL }
sanitizers:
  - { type: number }
  - call: mysql_real_escape_string
  - call: mysql_escape_string
  - call: mysqli_real_escape_string
  - call: "**.real_escape_string"
  - call: "**.escape_string"
  - call: "**.quote"
  - call: "**.escapeString"
  - call: "**.esc_sql"
  - call: esc_sql
  - call: addslashes
  - call: pg_escape_string
  - call: pg_escape_literal
  - call: pg_escape_identifier
  - call: sqlite_escape_string
  - call: filter_var.FILTER_SANITIZE_MAGIC_QUOTES
  - call: filter_var.FILTER_SANITIZE_ADD_SLASHES
  - call: filter_var.FILTER_SANITIZE_NUMBER_INT
  - call: filter_var.FILTER_SANITIZE_NUMBER_FLOAT
  # Both quote characters encoded (ENT_QUOTES, the default since PHP 8.1): a quoted SQL string cannot be closed.
  - call: htmlspecialchars
  - call: htmlentities
tests:
  positive:
    - |
      <?php
      $conn = mysqli_connect('localhost', 'user', 'pass', 'shop');
      $name = $_POST['name'];
      $result = mysqli_query($conn, "SELECT * FROM users WHERE name = '" . $name . "'");
    - |
      <?php
      $id = $_GET['id'];
      $mysqli = new mysqli('localhost', 'u', 'p', 'db');
      $rows = $mysqli->query("SELECT * FROM items WHERE id = $id");
    - |
      <?php
      class UserController {
        public function show(Request $request) {
          return DB::select("SELECT * FROM users WHERE email = '" . $request->input('email') . "'");
        }
      }
    - |
      <?php
      $sort = $_GET['sort'];
      $q = sprintf("SELECT * FROM t ORDER BY %s", $sort);
      $pdo->query($q);
  negative:
    - |
      <?php
      $mysqli = new mysqli('localhost', 'u', 'p', 'db');
      $stmt = $mysqli->prepare('SELECT * FROM users WHERE name = ?');
      $stmt->bind_param('s', $_POST['name']);
      $stmt->execute();
    - |
      <?php
      $stmt = $pdo->prepare('SELECT * FROM users WHERE id = :id');
      $stmt->execute(['id' => $_GET['id']]);
    - |
      <?php
      $id = (int) $_GET['id'];
      $conn = mysqli_connect('localhost', 'user', 'pass', 'shop');
      mysqli_query($conn, "SELECT * FROM items WHERE id = " . $id);
      mysql_query(sprintf("SELECT * FROM items WHERE id = %d", $_GET['id']));
      mysql_query("SELECT * FROM items WHERE id = " . intval($_GET['other']));
`;
var xss_default3 = "id: php-xss\nlanguage: php\nclass: xss\nname: Cross-site scripting\nmessage: \"{source} is written into the {label} by `{sink}` without HTML encoding: cross-site scripting.\"\ndescription: Untrusted input is printed into an HTML page without encoding.\nhelp: |\n  Encode on output: `htmlspecialchars($value, ENT_QUOTES, 'UTF-8')` (Laravel's `{{ }}` and `e()`, Twig's autoescape,\n  WordPress's `esc_html`/`esc_attr`), and quote attribute values. `strip_tags` is not enough: it leaves quotes, so a\n  value can still break out of an attribute.\ncwe: [CWE-79]\nlevel: error\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*, stored.*, external.*]\nsinks:\n  # echo, print, printf, print_r, <?= ?>: output into HTML text or a quoted attribute value\n  - { call: echo, label: HTML output }\n  - { call: \"**.setContent\", receiver: \"^(?:response|Response|res)$\", label: HTML response }\n  - { call: response, label: HTML response }\nsanitizers:\n  - { type: number }\n  - call: htmlspecialchars\n  - call: htmlentities\n  - call: urlencode\n  - call: rawurlencode\n  - call: http_build_query\n  - call: filter_var.FILTER_SANITIZE_SPECIAL_CHARS\n  - call: filter_var.FILTER_SANITIZE_FULL_SPECIAL_CHARS\n  - call: filter_var.FILTER_SANITIZE_NUMBER_INT\n  - call: filter_var.FILTER_SANITIZE_NUMBER_FLOAT\n  - call: filter_var.FILTER_SANITIZE_ENCODED\n  - call: esc_html\n  - call: esc_attr\n  - call: esc_url\n  - call: e\n  - call: \"re:(?:^|\\\\.)(?:escape|escapeHtml|escapeHtmlAttr|escape_html|htmlEscape|purify|clean)$\"\n  - call: json_encode\ntests:\n  positive:\n    - |\n      <html><body>\n      <h1>Hello <?php echo $_GET['name']; ?></h1>\n      </body></html>\n    - |\n      <?php\n      $name = $_GET['name'];\n      print \"<p>Welcome, $name</p>\";\n    - |\n      <p title=\"<?= $_COOKIE['theme'] ?>\">x</p>\n    - |\n      <?php\n      $q = trim($_REQUEST['q']);\n      printf('<div>%s</div>', $q);\n  negative:\n    - |\n      <html><body>\n      <h1>Hello <?php echo htmlspecialchars($_GET['name'], ENT_QUOTES, 'UTF-8'); ?></h1>\n      </body></html>\n    - |\n      <?php\n      $n = (int) $_GET['n'];\n      echo \"<p>Page $n</p>\";\n      printf('<div>%d</div>', $_GET['page']);\n";
var xss_unquoted_context_default = 'id: php-xss-unquoted-context\nlanguage: php\nclass: xss-unquoted-context\nname: Cross-site scripting in script, style or unquoted attribute\nmessage: "{source} is written into the {label} by `{sink}`: HTML encoding does not protect this place, cross-site scripting."\ndescription: Untrusted input is printed inside a script, a style sheet, a comment, a tag or an unquoted attribute value, where HTML encoding does not stop it.\nhelp: |\n  Do not print untrusted data into `<script>`, `<style>`, comments, tag or attribute names, or unquoted attribute values:\n  pass data to scripts as JSON in a data attribute (`data-x="<?= htmlspecialchars(json_encode($v), ENT_QUOTES) ?>"`),\n  always quote attribute values, or accept only numbers (`(int) $v`) there.\ncwe: [CWE-79]\nlevel: error\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*, stored.*, external.*]\nsinks:\n  - { call: "echo:script", label: script code }\n  - { call: "echo:style", label: style sheet }\n  - { call: "echo:comment", label: HTML comment }\n  - { call: "echo:tag", label: tag or attribute name }\n  - { call: "echo:unquoted-attribute", label: unquoted attribute value }\nsanitizers:\n  - { type: number }\ntests:\n  positive:\n    - |\n      <script>\n      var user = <?php echo htmlspecialchars($_GET[\'user\']); ?>;\n      </script>\n    - |\n      <a href=<?= htmlentities($_GET[\'next\']) ?>>next</a>\n  negative:\n    - |\n      <script>\n      var page = <?php echo (int) $_GET[\'page\']; ?>;\n      </script>\n    - |\n      <a href="<?= htmlspecialchars($_GET[\'next\'], ENT_QUOTES) ?>">next</a>\n';
var command_injection_default3 = `id: php-command-injection
language: php
class: command-injection
name: OS command injection
message: "{source} reaches the {label} of \`{sink}\`: shell metacharacters in it run other commands."
description: Untrusted input is part of a command line run by a shell.
help: |
  Do not build command lines from input. Quote every value with \`escapeshellarg()\` (not \`escapeshellcmd()\` on a whole
  line), prefer \`proc_open\` with an argument array (PHP 7.4+, no shell), and check values against what you expect first.
cwe: [CWE-78]
level: error
securitySeverity: 9.8
precision: high
sources: [http.*, stored.*, external.*]
sinks:
  - { call: system, label: shell command }
  - { call: exec, label: shell command }
  - { call: shell_exec, label: shell command }
  - { call: passthru, label: shell command }
  - { call: popen, label: shell command }
  - { call: proc_open, label: shell command }
  - { call: pcntl_exec, label: program to run }
  - { call: mail, args: [4], label: sendmail arguments }
  - { call: "re:^(?:Symfony\\\\.Component\\\\.Process\\\\.)?Process\\\\.fromShellCommandline$", label: shell command }
# Quoting contexts, read from the constant text before the value (\`lead\`): escapeshellarg() quotes the value itself, so
# it protects only outside quotes ('\u2026' + its own quotes opens the value to the shell); a value with every single quote
# removed cannot leave a '\u2026' string, so that removal protects only inside one. HTML encoders are no shell escape and
# are not taken as one, even where ENT_QUOTES happens to keep a '\u2026' string closed.
sanitizers:
  - { type: number }
  - call: escapeshellarg
    lead: '^(?:[^''"\\\\]|\\\\[\\s\\S]|''[^'']*''|"(?:[^"\\\\]|\\\\[\\s\\S])*")*$'
  - call: "*.strip_single_quotes"
    lead: '^(?:[^''"\\\\]|\\\\[\\s\\S]|''[^'']*''|"(?:[^"\\\\]|\\\\[\\s\\S])*")*''[^'']*$'
  - call: escapeshellcmd
  - call: filter_var.FILTER_SANITIZE_NUMBER_INT
  - call: filter_var.FILTER_SANITIZE_NUMBER_FLOAT
tests:
  positive:
    - |
      <?php
      $host = $_GET['host'];
      system("ping -c 1 " . $host);
    - |
      <?php
      $f = $_POST['file'];
      $out = \`cat $f\`;
    - |
      <?php
      exec('ls ' . $_GET['dir'], $lines);
    - |
      <?php
      // escapeshellarg adds its own quotes: inside '\u2026' they close the string around the value.
      $dir = escapeshellarg($_GET['dir']);
      system("ls '" . $dir . "'");
    - |
      <?php
      // Without its quotes the value is no longer inside a '\u2026' string.
      $name = str_replace("'", '', $_POST['name']);
      shell_exec('cat ' . $name);
    - |
      <?php
      // Backslashes do not escape inside '\u2026' in a shell: \\' still ends the string.
      $f = addslashes($_GET['f']);
      system("cat '$f'");
  negative:
    - |
      <?php
      system('ping -c 1 ' . escapeshellarg($_GET['host']));
    - |
      <?php
      $name = preg_replace('/\\'/', '', $_GET['name']);
      system(sprintf("grep -r '%s' /srv/docs", $name));
    - |
      <?php
      $name = str_replace(["'", '"'], '', $_GET['name']);
      passthru("ls ' $name '");
    - |
      <?php
      $n = intval($_GET['n']);
      exec("head -n $n /var/log/app.log", $lines);
`;
var argument_injection_default = "id: php-argument-injection\nlanguage: php\nclass: argument-injection\n# Reports only what the command-injection sanitizers let through: escapeshellcmd() escapes the characters that start\n# other commands, not spaces or leading dashes, so the value still adds arguments and options of its own.\nrefines: command-injection\nname: Argument injection\nmessage: \"{source} reaches the {label} of `{sink}` through `escapeshellcmd()`: it can still add arguments and options (`--output=\u2026`, `-exec`).\"\ndescription: Untrusted input escaped with escapeshellcmd() is part of a command line, where it can add arguments.\nhelp: |\n  `escapeshellcmd()` stops `;`, `|`, `$(\u2026)` and the like, not spaces or dashes: `tar` given `--checkpoint-action=exec=\u2026`,\n  `find` given `-exec`, `curl` given `-o` still run what the input says. Quote each value with `escapeshellarg()`,\n  put `--` before values that could start with `-`, or pass an argument array to `proc_open` (PHP 7.4+, no shell).\ncwe: [CWE-88]\nlevel: error\nsecuritySeverity: 8.1\nprecision: medium\nsources: [http.*, stored.*, external.*]\nsinks:\n  - { call: system, label: shell command }\n  - { call: exec, label: shell command }\n  - { call: shell_exec, label: shell command }\n  - { call: passthru, label: shell command }\n  - { call: popen, label: shell command }\n  - { call: proc_open, label: shell command }\n  - { call: \"re:^(?:Symfony\\\\.Component\\\\.Process\\\\.)?Process\\\\.fromShellCommandline$\", label: shell command }\nsanitizers:\n  - { type: number }\n  - call: escapeshellarg\n    lead: '^(?:[^''\"\\\\]|\\\\[\\s\\S]|''[^'']*''|\"(?:[^\"\\\\]|\\\\[\\s\\S])*\")*$'\n  - call: \"*.strip_single_quotes\"\n    lead: '^(?:[^''\"\\\\]|\\\\[\\s\\S]|''[^'']*''|\"(?:[^\"\\\\]|\\\\[\\s\\S])*\")*''[^'']*$'\n  - call: filter_var.FILTER_SANITIZE_NUMBER_INT\n  - call: filter_var.FILTER_SANITIZE_NUMBER_FLOAT\ntests:\n  positive:\n    - |\n      <?php\n      $file = escapeshellcmd($_GET['file']);\n      system(\"tar -cf backup.tar \" . $file);\n    - |\n      <?php\n      $cmd = escapeshellcmd('find /srv -name ' . $_POST['pattern']);\n      $out = shell_exec($cmd);\n  negative:\n    - |\n      <?php\n      system('tar -cf backup.tar ' . escapeshellarg($_GET['file']));\n    - |\n      <?php\n      // Not escaped at all: command injection (php-command-injection), not this rule.\n      system('tar -cf backup.tar ' . $_GET['file']);\n";
var twig_xss_default = "id: php-twig-reflected-xss\nlanguage: php\nclass: xss\nname: Cross-site scripting in a Twig template\nmessage: \"{source} is printed without HTML encoding by `{sink}` in the template: cross-site scripting.\"\ndescription: Untrusted input rendered by a Twig template that prints it unescaped (`|raw`, autoescape off, a `.txt.twig` template), or built into a template's source.\nhelp: |\n  Let Twig escape: do not print input with `|raw` or inside `{% autoescape false %}`, and give HTML templates an\n  HTML name (`page.html.twig`; `.txt.twig` files are not escaped). Where markup from input is really wanted,\n  clean it first (HTML Purifier, Symfony's HtmlSanitizer) and print only the cleaned value raw.\ncwe: [CWE-79]\nlevel: error\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*, stored.*, external.*]\nsinks:\n  # Symfony controllers ($this->render/renderView), Twig's Environment ($twig->render), the templating service.\n  - { call: \"**.render\", receiver: \"^(?:this|twig|environment|templating|view|renderer)$\", render: true, label: template output }\n  - { call: \"**.renderView\", render: true, label: template output }\n  - { call: \"**.renderResponse\", render: true, label: template output }\n  # A template made from a string with input in it: the input is template code (markup, and Twig tags).\n  - { call: \"**.createTemplate\", label: template source }\nsanitizers:\n  - { type: number }\n  - call: htmlspecialchars\n  - call: htmlentities\n  - call: filter_var.FILTER_SANITIZE_SPECIAL_CHARS\n  - call: filter_var.FILTER_SANITIZE_FULL_SPECIAL_CHARS\n  - call: \"re:(?:^|\\\\.)(?:purify|sanitize)$\"\ntests:\n  positive:\n    - files:\n        - file: src/Controller/SearchController.php\n          code: |\n            <?php\n            namespace App\\Controller;\n            use Symfony\\Component\\HttpFoundation\\Request;\n            class SearchController extends AbstractController {\n                public function search(Request $request) {\n                    $q = $request->query->get('q');\n                    return $this->render('search/results.html.twig', ['query' => $q, 'count' => 3]);\n                }\n            }\n        - file: templates/search/results.html.twig\n          code: |\n            <h1>{{ count }} results</h1>\n            <p>for {{ query|raw }}</p>\n    - files:\n        - file: index.php\n          code: |\n            <?php\n            $twig = new \\Twig\\Environment($loader);\n            echo $twig->render('mail.txt.twig', ['name' => $_GET['name']]);\n        - file: templates/mail.txt.twig\n          code: |\n            Dear {{ name }},\n    - |\n      <?php\n      $template = $twig->createTemplate('<p>Hello ' . $_GET['name'] . '</p>');\n      echo $template->render([]);\n  negative:\n    - files:\n        - file: src/Controller/SearchController.php\n          code: |\n            <?php\n            namespace App\\Controller;\n            use Symfony\\Component\\HttpFoundation\\Request;\n            class SearchController extends AbstractController {\n                public function search(Request $request) {\n                    return $this->render('search/results.html.twig', ['query' => $request->query->get('q')]);\n                }\n            }\n        - file: templates/search/results.html.twig\n          code: |\n            <p>for {{ query }} {{ query|e('html')|raw }}</p>\n            {% autoescape %}{{ query }}{% endautoescape %}\n    - files:\n        - file: index.php\n          code: |\n            <?php\n            echo $twig->render('page.html.twig', ['name' => htmlspecialchars($_GET['name'])]);\n        - file: templates/page.html.twig\n          code: |\n            {% autoescape false %}<p>{{ name }}</p>{% endautoescape %}\n";
var template_xss_default = "id: py-template-reflected-xss\nlanguage: python\nclass: xss\nname: Cross-site scripting in a Jinja2 or Django template\nmessage: \"{source} is printed without HTML encoding by `{sink}` in the template: cross-site scripting.\"\ndescription: Untrusted input rendered by a Jinja2 or Django template that prints it unescaped (`|safe`, autoescape off, a non-HTML Flask template).\nhelp: |\n  Let Jinja2 escape: do not mark input `|safe`, do not turn autoescape off around it (`{% autoescape false %}`), and\n  name HTML templates `.html` (Flask escapes only `.html`, `.htm`, `.xml`, `.xhtml` and `.svg` files). Where markup\n  from input is really wanted, clean it first (`bleach.clean`) and mark only the cleaned value safe.\ncwe: [CWE-79]\nlevel: error\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*]\nsinks:\n  # render_template('page.html', name=value): keyword arguments are the template's data.\n  - { call: flask.render_template, render: true, label: template output }\n  - { call: flask.templating.render_template, render: true, label: template output }\n  # Starlette / FastAPI: templates.TemplateResponse(request, 'page.html', {'name': value}), and the older\n  # TemplateResponse('page.html', {'request': request, 'name': value})\n  - { call: \"**.TemplateResponse\", render: true, args: [1, 2], label: template output }\n  - { call: \"**.TemplateResponse\", render: true, label: template output }\n  # Django: render(request, 'page.html', {'name': value}) with {{ name|safe }} or {% autoescape off %}.\n  - { call: django.shortcuts.render, render: true, args: [1, 2], label: template output }\n  - { call: django.template.loader.render_to_string, render: true, label: template output }\n  # A template made from a string with input in it: the input is template code.\n  - { call: \"**.from_string\", receiver: \"(?:^env\\\\w*|Environment\\\\(\\\\))$\", label: template source }\nsanitizers:\n  - call: html.escape\n  - call: markupsafe.escape\n  - call: flask.escape\n  - call: bleach.clean\ntests:\n  positive:\n    - files:\n        - file: app.py\n          code: |\n            from flask import Flask, request, render_template\n            app = Flask(__name__)\n\n            @app.route('/hello')\n            def hello():\n                return render_template('hello.html', name=request.args.get('name'), title='Hi')\n        - file: templates/hello.html\n          code: |\n            <h1>{{ title }}</h1>\n            <p>Hello {{ name|safe }}</p>\n    - files:\n        - file: app.py\n          code: |\n            from flask import Flask, request, render_template\n            app = Flask(__name__)\n\n            @app.route('/mail')\n            def mail():\n                items = request.args.getlist('item')\n                return render_template('mail.txt', items=items)\n        - file: templates/mail.txt\n          code: |\n            {% for item in items %}- {{ item }}\n            {% endfor %}\n    - files:\n        - file: app.py\n          code: |\n            from flask import Flask, request, render_template\n            app = Flask(__name__)\n\n            @app.route('/q')\n            def q():\n                return render_template('search.html', query=request.args['q'])\n        - file: templates/search.html\n          code: |\n            {% autoescape false %}<p>You searched for {{ query }}</p>{% endautoescape %}\n    - files:\n        - file: shop/views.py\n          code: |\n            from django.shortcuts import render\n\n            def search(request):\n                q = request.GET.get('q', '')\n                return render(request, 'shop/search.html', {'query': q})\n        - file: shop/templates/shop/search.html\n          code: |\n            {% autoescape off %}<p>Results for {{ query }}</p>{% endautoescape %}\n    - |\n      import jinja2\n      from flask import Flask, request\n      app = Flask(__name__)\n      env = jinja2.Environment(autoescape=True)\n\n      @app.route('/greet')\n      def greet():\n          return env.from_string('<p>Hello ' + request.args['name'] + '</p>').render()\n    - files:\n        - file: main.py\n          code: |\n            from fastapi import FastAPI, Request\n            from fastapi.templating import Jinja2Templates\n            app = FastAPI()\n            templates = Jinja2Templates(directory='templates')\n\n            @app.get('/items')\n            def items(request: Request, q: str):\n                return templates.TemplateResponse(request, 'items.html', {'q': q})\n        - file: templates/items.html\n          code: |\n            <p>{{ q|safe }}</p>\n  negative:\n    - files:\n        - file: app.py\n          code: |\n            from flask import Flask, request, render_template\n            app = Flask(__name__)\n\n            @app.route('/hello')\n            def hello():\n                return render_template('hello.html', name=request.args.get('name'))\n        - file: templates/hello.html\n          code: |\n            <p>Hello {{ name }}</p>\n            <p>{{ name|e|safe }}</p>\n            {% raw %}{{ name|safe }}{% endraw %}\n    - files:\n        - file: app.py\n          code: |\n            from flask import Flask, request, render_template\n            from markupsafe import escape\n            app = Flask(__name__)\n\n            @app.route('/hello')\n            def hello():\n                return render_template('hello.html', name=escape(request.args.get('name')), motd=load_motd())\n        - file: templates/hello.html\n          code: |\n            <p>Hello {{ name|safe }}</p><div>{{ motd|safe }}</div>\n";
var jsp_xss_default = 'id: java-jsp-reflected-xss\nlanguage: java\nclass: xss\nname: Cross-site scripting in a JSP\nmessage: "{source} is printed into the page by the JSP\'s {label} without HTML encoding: cross-site scripting."\ndescription: Untrusted input printed by a JSP without encoding (`<%= %>`, `out.print`, EL `${\u2026}` outside `<c:out>`).\nhelp: |\n  Print values with `<c:out value="${\u2026}"/>` or `${fn:escapeXml(\u2026)}` (JSTL), never with `<%= %>` or a bare `${\u2026}` in\n  template text, and encode in scriptlets (`Encode.forHtml(x)` of the OWASP Java Encoder, `StringEscapeUtils.escapeHtml4`).\n  A value a servlet sets as a request attribute is printed unescaped by `${name}` in the JSP it forwards to.\ncwe: [CWE-79]\nlevel: error\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*]\nsinks:\n  # <%= x %> (masked as _o(x)), EL ${\u2026} in template text (_el), the page\'s implicit JspWriter.\n  - { call: this._o, label: "`<%= %>` expression" }\n  - { call: _o, label: "`<%= %>` expression" }\n  - { call: _el, label: "EL expression `${\u2026}`" }\n  - { call: "re:^\\\\$out\\\\.(?:print|println|write|append)$", label: "`out` writer" }\n  # A servlet\'s request attributes, for the JSP it forwards to (any JSP when the file names none).\n  - { call: "$req.setAttribute", render: attribute, templates: "*.jsp", label: "EL expression `${\u2026}`" }\n  - { call: "**.getRequestDispatcher", render: target, label: forward }\n  # Spring MVC: model attributes are request attributes of the JSP view.\n  - { call: "**.addAttribute", receiver: "(?:^[mM]odel\\\\w*|Model|ModelMap)$", render: attribute, templates: "*.jsp", label: "EL expression `${\u2026}`" }\n  - { call: "**.addObject", receiver: "(?:^mav|^[mM]odel\\\\w*|ModelAndView)$", render: attribute, templates: "*.jsp", label: "EL expression `${\u2026}`" }\nsanitizers:\n  - call: "**.encodeForHTML"\n  - call: "**.encodeForHTMLAttribute"\n  - call: "**.escapeHtml"\n  - call: "**.escapeHtml4"\n  - call: "**.htmlEscape"\n  - call: "**.escapeXml"\n  - call: "**.Encode.forHtml"\n  - call: "**.Encode.forHtmlContent"\n  - call: "**.Encode.forHtmlAttribute"\n  - call: "re:^java\\\\.lang\\\\.(?:Integer\\\\.parseInt|Long\\\\.parseLong|Integer\\\\.valueOf|Long\\\\.valueOf)$"\ntests:\n  positive:\n    - file: src/main/webapp/search.jsp\n      code: |\n        <%@ page contentType="text/html;charset=UTF-8" %>\n        <html><body>\n        <p>You searched for <%= request.getParameter("q") %></p>\n        </body></html>\n    - file: src/main/webapp/hello.jsp\n      code: |\n        <% String name = request.getParameter("name");\n           if (name == null) { name = "guest"; } %>\n        <h1>Hello <%= name %></h1>\n    - file: src/main/webapp/el.jsp\n      code: |\n        <%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>\n        <input type="text" name="q" value="${param.q}">\n        <c:set var="who" value="${param[\'user\']}"/>\n        <p>${who}</p>\n    - file: src/main/webapp/writer.jsp\n      code: |\n        <% out.println("<p>" + request.getHeader("Referer") + "</p>"); %>\n    - files:\n        - file: src/main/java/org/acme/SearchServlet.java\n          code: |\n            package org.acme;\n            import javax.servlet.http.*;\n            public class SearchServlet extends HttpServlet {\n              protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n                request.setAttribute("query", request.getParameter("q"));\n                request.getRequestDispatcher("/WEB-INF/views/results.jsp").forward(request, response);\n              }\n            }\n        - file: src/main/webapp/WEB-INF/views/results.jsp\n          code: |\n            <p>Results for ${query}</p>\n    - files:\n        - file: src/main/java/org/acme/GreetController.java\n          code: |\n            package org.acme;\n            import org.springframework.stereotype.Controller;\n            import org.springframework.ui.Model;\n            import org.springframework.web.bind.annotation.*;\n            @Controller\n            public class GreetController {\n              @GetMapping("/greet")\n              public String greet(@RequestParam String name, Model model) {\n                model.addAttribute("name", name);\n                return "greet";\n              }\n            }\n        - file: src/main/webapp/WEB-INF/views/greet.jsp\n          code: |\n            <h1>Hello ${name}!</h1>\n  negative:\n    - file: src/main/webapp/search.jsp\n      code: |\n        <%@ page import="org.owasp.encoder.Encode" %>\n        <%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>\n        <%@ taglib prefix="fn" uri="http://java.sun.com/jsp/jstl/functions" %>\n        <p><%= Encode.forHtml(request.getParameter("q")) %></p>\n        <p><c:out value="${param.q}"/> ${fn:escapeXml(param.q)}</p>\n        <c:if test="${not empty param.q}"><p>searched</p></c:if>\n        <%-- <%= request.getParameter("q") %> --%>\n    - files:\n        - file: src/main/java/org/acme/SearchServlet.java\n          code: |\n            package org.acme;\n            import javax.servlet.http.*;\n            public class SearchServlet extends HttpServlet {\n              protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {\n                request.setAttribute("query", request.getParameter("q"));\n                request.setAttribute("total", 42);\n                request.getRequestDispatcher("/WEB-INF/views/results.jsp").forward(request, response);\n              }\n            }\n        - file: src/main/webapp/WEB-INF/views/results.jsp\n          code: |\n            <%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>\n            <p>Results for <c:out value="${query}"/>: ${total}</p>\n        - file: src/main/webapp/WEB-INF/views/other.jsp\n          code: |\n            <p>Another page\'s ${query}</p>\n';
var code_injection_default2 = "id: php-code-injection\nlanguage: php\nclass: code-injection\nname: Code injection\nmessage: \"{source} reaches the {label} of `{sink}`: it runs as PHP code.\"\ndescription: Untrusted input is evaluated as PHP code.\nhelp: |\n  Never evaluate input: replace `eval`, `assert` with a string, `create_function` and `preg_replace` with the `/e`\n  modifier by code that maps the input to a fixed set of actions (`match`, an array of closures,\n  `preg_replace_callback`). Converting to a number makes a value harmless.\ncwe: [CWE-94, CWE-95]\nlevel: error\nsecuritySeverity: 9.8\nprecision: high\nsources: [http.*, stored.*, external.*]\nsinks:\n  - { call: eval, label: evaluated code }\n  - { call: assert, label: asserted code }\n  - { call: create_function, args: [0, 1], label: function code }\n  - { call: preg_replace, args: [1], when: { arg: 0, equals: \"[^a-zA-Z0-9\\\\s][imsxuADSUXJ]*e[imsxuADSUXJ]*$\" }, label: \"/e replacement code\" }\n  - { call: call_user_func, label: function name }\n  - { call: call_user_func_array, label: function name }\nsanitizers:\n  - { type: number }\n  - call: filter_var.FILTER_SANITIZE_NUMBER_INT\n  - call: filter_var.FILTER_SANITIZE_NUMBER_FLOAT\ntests:\n  positive:\n    - |\n      <?php\n      $expr = $_GET['expr'];\n      eval('$result = ' . $expr . ';');\n    - |\n      <?php\n      echo preg_replace('/(\\w+)/e', $_POST['code'], 'text');\n  negative:\n    - |\n      <?php\n      $n = (int) $_GET['n'];\n      eval('$result = ' . $n . ';');\n    - |\n      <?php\n      echo preg_replace('/(\\w+)/', $_POST['code'], 'text');\n";
var file_inclusion_default = "id: php-file-inclusion\nlanguage: php\nclass: file-inclusion\nname: File inclusion\nmessage: \"{source} reaches the {label} of `{sink}`: it can run any file (or URL) as PHP code.\"\ndescription: Untrusted input names a file that is included and run as PHP code.\nhelp: |\n  Never include a path built from input. Map the input to a fixed list of files (`$pages = ['home' => 'home.php'];\n  include $pages[$page] ?? 'home.php';`), or check it against such a list first, and keep `allow_url_include` off.\ncwe: [CWE-98]\nlevel: error\nsecuritySeverity: 9.8\nprecision: high\nsources: [http.*, stored.*, external.*]\nsinks:\n  - { call: include, label: included file }\n  - { call: include_once, label: included file }\n  - { call: require, label: required file }\n  - { call: require_once, label: required file }\nsanitizers:\n  - { type: number }\n  - call: filter_var.FILTER_SANITIZE_NUMBER_INT\n  - call: filter_var.FILTER_SANITIZE_NUMBER_FLOAT\ntests:\n  positive:\n    - |\n      <?php\n      $page = $_GET['page'];\n      include($page . '.php');\n    - |\n      <?php\n      require_once 'modules/' . $_REQUEST['module'] . '/index.php';\n  negative:\n    - |\n      <?php\n      $pages = ['home' => 'home.php', 'about' => 'about.php'];\n      $page = $_GET['page'] === 'about' ? 'about.php' : 'home.php';\n      include $page;\n    - |\n      <?php\n      include 'lang/' . intval($_GET['lang']) . '.php';\n";
var path_traversal_default3 = "id: php-path-traversal\nlanguage: php\nclass: path-traversal\nname: Path traversal\nmessage: \"{source} reaches the {label} of `{sink}`: `../` in it reaches files outside the intended folder.\"\ndescription: Untrusted input is used as a file path.\nhelp: |\n  Keep only the file name (`basename($name)`), or resolve the path with `realpath()` and check that it is inside the\n  folder you meant, or map the input to a fixed list of files.\ncwe: [CWE-22]\nlevel: error\nsecuritySeverity: 7.5\nprecision: high\nsources: [http.*, stored.*]\nsinks:\n  - { call: fopen, label: file path }\n  - { call: file_get_contents, label: file path }\n  - { call: file_put_contents, label: file path }\n  - { call: readfile, label: file path }\n  - { call: file, label: file path }\n  - { call: unlink, label: file path }\n  - { call: rmdir, label: directory path }\n  - { call: mkdir, label: directory path }\n  - { call: copy, args: [0, 1], label: file path }\n  - { call: rename, args: [0, 1], label: file path }\n  - { call: move_uploaded_file, args: [1], label: destination path }\n  - { call: opendir, label: directory path }\n  - { call: scandir, label: directory path }\n  - { call: parse_ini_file, label: file path }\n  - { call: highlight_file, label: file path }\n  - { call: show_source, label: file path }\n  - { call: SplFileObject, label: file path }\n  - { call: \"**.download\", receiver: \"^(?:response|Storage)$\", label: file path }\nsanitizers:\n  - { type: number }\n  - call: basename\ntests:\n  positive:\n    - |\n      <?php\n      $name = $_GET['file'];\n      readfile('/var/www/uploads/' . $name);\n    - |\n      <?php\n      unlink($_POST['path']);\n  negative:\n    - |\n      <?php\n      readfile('/var/www/uploads/' . basename($_GET['file']));\n    - |\n      <?php\n      $fh = fopen('/var/log/app-' . intval($_GET['day']) . '.log', 'r');\n";
var ssrf_default2 = `id: php-ssrf
language: php
class: ssrf
name: Server-side request forgery
message: "{source} reaches the {label} of \`{sink}\`: the server fetches a URL the user chose."
description: Untrusted input decides the URL (or host) the server sends a request to.
help: |
  Fix the scheme and host in code and put input only into the path or query (\`'https://api.example.com/items/' .
  rawurlencode($id)\`), or check the URL's host against an allow-list after parsing it (\`parse_url\`).
cwe: [CWE-918]
level: error
securitySeverity: 8.6
precision: medium
sources: [http.*]
sinks:
  - { call: curl_init, label: request URL }
  - { call: curl_setopt, args: [2], when: { arg: 1, equals: "^CURLOPT_URL$" }, label: request URL }
  - { call: file_get_contents, label: URL }
  - { call: fsockopen, label: host }
  - { call: get_headers, label: URL }
  - { call: "re:^Http\\\\.(?:get|post|put|patch|delete|head)$", label: request URL }
  - { call: "**.request", args: [1], receiver: "^(?:client|http|guzzle|httpClient|Client)$", label: request URL }
  - { call: "**.get", receiver: "^(?:client|http|guzzle|httpClient)$", label: request URL }
  - { call: "**.post", receiver: "^(?:client|http|guzzle|httpClient)$", label: request URL }
sanitizers:
  - { type: number }
  - call: rawurlencode
  - call: urlencode
safePrefix: "^[a-z][a-z0-9+.-]*://[^/?#]+[/?#]"
tests:
  positive:
    - |
      <?php
      $ch = curl_init();
      curl_setopt($ch, CURLOPT_URL, $_GET['url']);
      curl_exec($ch);
    - |
      <?php
      $body = file_get_contents($_POST['feed']);
  negative:
    - |
      <?php
      $ch = curl_init('https://api.example.com/items/' . $_GET['id']);
      curl_exec($ch);
    - |
      <?php
      $body = file_get_contents('https://api.example.com/search?q=' . urlencode($_GET['q']));
`;
var open_redirect_default3 = `id: php-open-redirect
language: php
class: open-redirect
name: Open redirect
message: "{source} decides the {label} of \`{sink}\`: the site sends users wherever the link says."
description: Untrusted input decides where a redirect sends the browser.
help: |
  Redirect to a path of your own site (\`header('Location: /account/' . rawurlencode($id))\`), or look the target up in
  an allow-list; never put a whole URL from the request into \`Location\`.
cwe: [CWE-601]
level: error
securitySeverity: 6.1
precision: high
sources: [http.*, stored.*, external.*]
sinks:
  # header('Location: ' . $url): only a value right after "Location:" (optionally a scheme) decides the target.
  - { call: header, label: Location header }
  - { call: redirect, label: redirect target }
  - { call: "redirect().to", label: redirect target }
  - { call: "redirect().away", label: redirect target }
  - { call: "re:^Redirect\\\\.(?:to|away)$", label: redirect target }
  - { call: RedirectResponse, label: redirect target }
  - { call: "this.redirect", label: redirect target }
  - { call: wp_redirect, label: redirect target }
  - { call: http_redirect, label: redirect target }
sanitizers:
  - { type: number }
  - call: filter_var.FILTER_SANITIZE_NUMBER_INT
  - call: filter_var.FILTER_SANITIZE_NUMBER_FLOAT
  - call: wp_safe_redirect
# For header(): taint after anything but "Location:" itself (and a bare scheme) cannot choose the target.
safePrefix: "^(?![\\\\s'\\"]*location\\\\s*:\\\\s*['\\"]?\\\\s*(?:[a-z]+:)?/{0,2}$)[\\\\s\\\\S]"
tests:
  positive:
    - |
      <?php
      header('Location: ' . $_GET['next']);
    - |
      <?php
      $to = $_GET['to'];
      header("location: '$to'");
      http_redirect($to);
    - |
      <?php
      class AuthController {
        public function login(Request $request) {
          return redirect($request->input('return_to'));
        }
      }
  negative:
    - |
      <?php
      header('Location: /account/' . rawurlencode($_GET['id']));
    - |
      <?php
      header('Location: ' . (int) $_GET['page']);
`;
var header_injection_default3 = 'id: php-header-injection\nlanguage: php\nclass: header-injection\nname: HTTP header injection\nmessage: "{source} is written into the {label} by `{sink}`: line breaks in it add headers or split the response."\ndescription: Untrusted input is written into an HTTP response header (other than a redirect target).\nhelp: |\n  Keep line breaks out of header values (PHP\'s `header()` refuses CR/LF since 5.1.2, but other writers do not): remove\n  `\\r` and `\\n`, or encode the value (`rawurlencode`). Set cookies with `setcookie`, which encodes the value.\ncwe: [CWE-113]\nlevel: warning\nsecuritySeverity: 5.3\nprecision: low\nsources: [http.*]\nsinks:\n  - { call: header, label: response header }\n  - { call: "**.header", receiver: "^(?:response|Response|res)$", args: [1], label: response header }\n  - { call: "**.set", receiver: "^headers$", args: [1], label: response header }\nsanitizers:\n  - { type: number }\n  - call: rawurlencode\n  - call: urlencode\n# A Location header is the redirect rule\'s.\nsafePrefix: "^[\\\\s\'\\"]*location\\\\s*:"\ntests:\n  positive:\n    - |\n      <?php\n      header(\'X-Requested-Lang: \' . $_GET[\'lang\']);\n  negative:\n    - |\n      <?php\n      header(\'X-Requested-Lang: \' . rawurlencode($_GET[\'lang\']));\n';
var deserialization_default3 = "id: php-insecure-deserialization\nlanguage: php\nclass: deserialization\nname: Insecure deserialization\nmessage: \"{source} reaches `{sink}` ({label}): a crafted value creates objects whose magic methods run code.\"\ndescription: Untrusted input is unserialized into PHP objects.\nhelp: |\n  Exchange data as JSON (`json_decode`), not `serialize`d PHP. If you must unserialize, pass\n  `['allowed_classes' => false]` and sign the value (HMAC) so it cannot be forged.\ncwe: [CWE-502]\nlevel: error\nsecuritySeverity: 9.8\nprecision: high\nsources: [http.*, stored.*]\nsinks:\n  - { call: unserialize, label: PHP unserialize }\n  - { call: yaml_parse, label: YAML with PHP tags }\nsanitizers:\n  - { type: number }\ntests:\n  positive:\n    - |\n      <?php\n      $prefs = unserialize($_COOKIE['prefs']);\n  negative:\n    - |\n      <?php\n      $prefs = json_decode($_COOKIE['prefs'], true);\n";
var xxe_default2 = 'id: php-xxe\nlanguage: php\nclass: xxe\nname: XML external entities\nmessage: "{source} is parsed by `{sink}` ({label}): entities can read local files or reach internal URLs."\ndescription: Untrusted XML is parsed with entity substitution or DTD loading switched on.\nhelp: |\n  Do not pass `LIBXML_NOENT` or `LIBXML_DTDLOAD` when parsing untrusted XML (PHP 8 does not load external entities\n  otherwise); on PHP < 8 call `libxml_disable_entity_loader(true)` first.\ncwe: [CWE-611]\nlevel: error\nsecuritySeverity: 8.2\nprecision: high\nsources: [http.*, stored.*, external.*]\nsinks:\n  - { call: simplexml_load_string, when: { arg: 2, equals: "LIBXML_(?:NOENT|DTDLOAD|DTDATTR)" }, label: XML with entities }\n  - { call: simplexml_load_file, when: { arg: 2, equals: "LIBXML_(?:NOENT|DTDLOAD|DTDATTR)" }, label: XML with entities }\n  - { call: "**.loadXML", when: { arg: 1, equals: "LIBXML_(?:NOENT|DTDLOAD|DTDATTR)" }, label: XML with entities }\n  - { call: "**.load", when: { arg: 1, equals: "LIBXML_(?:NOENT|DTDLOAD|DTDATTR)" }, label: XML with entities }\n  - { call: SimpleXMLElement, when: { arg: 1, equals: "LIBXML_(?:NOENT|DTDLOAD|DTDATTR)" }, label: XML with entities }\nsanitizers:\n  - { type: number }\ntests:\n  positive:\n    - |\n      <?php\n      $xml = simplexml_load_string($_POST[\'xml\'], \'SimpleXMLElement\', LIBXML_NOENT);\n    - |\n      <?php\n      $doc = new DOMDocument();\n      $doc->loadXML(file_get_contents(\'php://input\'), LIBXML_NOENT);\n  negative:\n    - |\n      <?php\n      $xml = simplexml_load_string($_POST[\'xml\']);\n';
var ldap_injection_default2 = "id: php-ldap-injection\nlanguage: php\nclass: ldap-injection\nname: LDAP injection\nmessage: \"{source} reaches the {label} of `{sink}`: `*`, `(` and `)` in it change the LDAP query.\"\ndescription: Untrusted input is built into an LDAP search filter or DN.\nhelp: |\n  Escape values with `ldap_escape($value, '', LDAP_ESCAPE_FILTER)` for filters (`LDAP_ESCAPE_DN` for DNs), or accept\n  only a strict pattern (letters and digits).\ncwe: [CWE-90]\nlevel: error\nsecuritySeverity: 7.5\nprecision: high\nsources: [http.*, stored.*, external.*]\nsinks:\n  - { call: ldap_search, args: [1, 2], label: LDAP filter }\n  - { call: ldap_list, args: [1, 2], label: LDAP filter }\n  - { call: ldap_read, args: [1, 2], label: LDAP filter }\n  - { call: ldap_bind, args: [1], label: LDAP DN }\n  - { call: ldap_delete, args: [1], label: LDAP DN }\n  - { call: \"**.query\", receiver: \"^(?:ldap|Ldap|adldap)$\", label: LDAP filter }\nsanitizers:\n  - { type: number }\n  - call: ldap_escape\ntests:\n  positive:\n    - |\n      <?php\n      $ds = ldap_connect('localhost');\n      $sr = ldap_search($ds, 'o=Example', '(uid=' . $_GET['user'] . ')');\n  negative:\n    - |\n      <?php\n      $ds = ldap_connect('localhost');\n      $sr = ldap_search($ds, 'o=Example', '(uid=' . ldap_escape($_GET['user'], '', LDAP_ESCAPE_FILTER) . ')');\n";
var xpath_injection_default2 = `id: php-xpath-injection
language: php
class: xpath-injection
name: XPath injection
message: "{source} reaches the {label} of \`{sink}\`: quotes in it change the XPath query."
description: Untrusted input is built into an XPath expression.
help: |
  Do not build XPath expressions from input: accept only a strict pattern (letters and digits), or compare in PHP after
  selecting by a fixed expression. Quote-escaping alone breaks on the other quote character.
cwe: [CWE-643, CWE-91]
level: error
securitySeverity: 7.5
precision: high
sources: [http.*, stored.*, external.*]
sinks:
  - { call: "**.xpath", label: XPath expression }
  - { call: "**.query", receiver: "^(?:\\\\w*[xX][pP]ath\\\\w*|xp)$", label: XPath expression }
  - { call: "**.evaluate", receiver: "^(?:\\\\w*[xX][pP]ath\\\\w*|xp)$", label: XPath expression }
  - { call: xpath_eval, args: [1], label: XPath expression }
sanitizers:
  - { type: number }
tests:
  positive:
    - |
      <?php
      $xml = simplexml_load_file('users.xml');
      $res = $xml->xpath("//user[@name='" . $_GET['name'] . "']");
    - |
      <?php
      $xpath = new DOMXPath($doc);
      $nodes = $xpath->query('//user[@id=' . $_POST['id'] . ']');
  negative:
    - |
      <?php
      $xml = simplexml_load_file('users.xml');
      $res = $xml->xpath("//user[@id='" . intval($_GET['id']) . "']");
`;
var stored_xss_default2 = `id: php-stored-xss
language: php
class: xss
name: Stored cross-site scripting
message: "{source} is written into the {label} by \`{sink}\` without HTML encoding: whoever stored it can run script in other users' browsers (stored cross-site scripting)."
description: A row read back from the database (mysqli, PDO, pg, sqlite, ODBC, OCI, Doctrine, Eloquent) is printed into the page without encoding.
help: |
  Encode stored data when it is printed: \`htmlspecialchars($row['body'], ENT_QUOTES, 'UTF-8')\`, \`e()\` / \`{{ }}\` in
  Blade, \`{{ }}\` in Twig (auto-escaped). If users may store markup, sanitize it with HTML Purifier.
cwe: [CWE-79]
level: warning
securitySeverity: 6.1
precision: medium
# The rows' kind is database.rows, not stored.*: every PHP rule reads stored.* (session values), and second-order
# injections through the database are not reported at their precision. Listed here rather than in models.yaml
# because this rule is their only reader.
sources: [database.*]
extraSources:
  - { pattern: "re:^(?:mysqli_fetch_(?:assoc|array|row|object|all|field)|mysqli_result|mysql_fetch_(?:assoc|array|row|object)|mysql_result|pg_fetch_(?:assoc|array|row|object|all|result)|sqlite_fetch_(?:array|single|object|all)|odbc_result|odbc_fetch_array|odbc_fetch_object|oci_fetch_(?:assoc|array|row|object|all)|oci_result|sqlsrv_fetch_(?:array|object))\\\\(\\\\)$", kind: database.rows, label: a row read from the database }
  - { pattern: "re:\\\\.(?:fetch_assoc|fetch_array|fetch_row|fetch_object|fetch_all|fetchAll|fetchColumn|fetchObject|fetchArray|fetchOne|fetchAssociative|fetchAllAssociative|fetchNumeric|fetchAllNumeric)\\\\(\\\\)$", kind: database.rows, label: a row read from the database }
  - { pattern: "re:(?:^|\\\\.)(?:stmt|sth|statement|result|res|query|q|rs|pdo|db|dbh)\\\\.fetch\\\\(\\\\)$", kind: database.rows, label: a row read from the database }
  - { pattern: "re:^[A-Z]\\\\w*\\\\.(?:find|findOrFail|first|firstOrFail|all)\\\\(\\\\)$", kind: database.rows, label: a row read from the database }
  - { pattern: "re:^DB\\\\.select\\\\(\\\\)$", kind: database.rows, label: a row read from the database }
sinks:
  - { call: echo, label: HTML output }
  - { call: response, label: HTML response }
tests:
  positive:
    - |
      <?php
      $result = mysqli_query($conn, "SELECT author, body FROM comments");
      while ($row = mysqli_fetch_assoc($result)) {
          echo "<li>" . $row['author'] . ": " . $row['body'] . "</li>";
      }
    - |
      <?php
      $stmt = $pdo->query('SELECT bio FROM users WHERE id = 1');
      $user = $stmt->fetch();
      ?>
      <div class="bio"><?= $user['bio'] ?></div>
  negative:
    - |
      <?php
      $result = mysqli_query($conn, "SELECT author, body FROM comments");
      while ($row = mysqli_fetch_assoc($result)) {
          echo "<li>" . htmlspecialchars($row['author'], ENT_QUOTES) . ": " . htmlspecialchars($row['body'], ENT_QUOTES) . "</li>";
      }
`;
var models_default4 = '# Untrusted input in Python web applications. Flask\'s request is the global `flask.request` (however it was\n# imported); Django views\' request parameter and FastAPI\'s `Request` are $req (src/lang/python/handlers.ts);\n# class-based views read `self.request` (lowered as `this.request`). Flask and FastAPI handlers\' parameters\n# are sources of their own (path, query, body parameters).\nlanguage: python\nsources:\n  # Flask / Werkzeug\n  - { pattern: flask.request.args, kind: http.query, label: request parameter }\n  - { pattern: "flask.request.args.get()", kind: http.query, label: request parameter }\n  - { pattern: "flask.request.args.getlist()", kind: http.query, label: request parameter }\n  - { pattern: flask.request.form, kind: http.body, label: form field }\n  - { pattern: "flask.request.form.get()", kind: http.body, label: form field }\n  - { pattern: "flask.request.form.getlist()", kind: http.body, label: form field }\n  - { pattern: flask.request.values, kind: http.query, label: request parameter }\n  - { pattern: "flask.request.values.get()", kind: http.query, label: request parameter }\n  - { pattern: flask.request.json, kind: http.body, label: JSON body field }\n  - { pattern: "flask.request.get_json()", kind: http.body, label: JSON body }\n  - { pattern: flask.request.data, kind: http.body, label: request body }\n  - { pattern: "flask.request.get_data()", kind: http.body, label: request body }\n  - { pattern: flask.request.stream, kind: http.body, label: request body }\n  - { pattern: flask.request.files, kind: http.body, label: uploaded file }\n  - { pattern: flask.request.cookies, kind: http.cookies, label: cookie }\n  - { pattern: "flask.request.cookies.get()", kind: http.cookies, label: cookie }\n  - { pattern: flask.request.headers, kind: http.headers, label: request header }\n  - { pattern: "flask.request.headers.get()", kind: http.headers, label: request header }\n  - { pattern: "flask.request.headers.getlist()", kind: http.headers, label: request header }\n  - { pattern: "flask.request.headers.get_all()", kind: http.headers, label: request header }\n  - { pattern: flask.request.environ, kind: http.headers, label: request environment }\n  - { pattern: flask.request.query_string, kind: http.url, label: query string }\n  - { pattern: flask.request.path, kind: http.url, label: request path }\n  - { pattern: flask.request.full_path, kind: http.url, label: request path }\n  - { pattern: flask.request.url, kind: http.url, label: request URL }\n  - { pattern: flask.request.view_args, kind: http.params, label: path parameter }\n  - { pattern: flask.request.referrer, kind: http.headers, label: Referer header }\n  - { pattern: flask.request.user_agent, kind: http.headers, label: User-Agent header }\n  - { pattern: flask.request.authorization, kind: http.headers, label: Authorization header }\n  # Django (and Django REST framework) request objects\n  - { pattern: $req.GET, kind: http.query, label: request parameter }\n  - { pattern: $req.POST, kind: http.body, label: form field }\n  - { pattern: $req.COOKIES, kind: http.cookies, label: cookie }\n  - { pattern: $req.META, kind: http.headers, label: request header }\n  - { pattern: $req.headers, kind: http.headers, label: request header }\n  - { pattern: $req.body, kind: http.body, label: request body }\n  - { pattern: $req.FILES, kind: http.body, label: uploaded file }\n  - { pattern: $req.data, kind: http.body, label: request body field }\n  - { pattern: $req.query_params, kind: http.query, label: request parameter }\n  - { pattern: $req.path, kind: http.url, label: request path }\n  - { pattern: $req.path_info, kind: http.url, label: request path }\n  - { pattern: "$req.get_full_path()", kind: http.url, label: request path }\n  - { pattern: "$req.build_absolute_uri()", kind: http.url, label: request URL }\n  - { pattern: this.request.GET, kind: http.query, label: request parameter }\n  - { pattern: this.request.POST, kind: http.body, label: form field }\n  - { pattern: this.request.COOKIES, kind: http.cookies, label: cookie }\n  - { pattern: this.request.META, kind: http.headers, label: request header }\n  - { pattern: this.request.headers, kind: http.headers, label: request header }\n  - { pattern: this.request.body, kind: http.body, label: request body }\n  - { pattern: this.request.data, kind: http.body, label: request body field }\n  - { pattern: this.request.query_params, kind: http.query, label: request parameter }\n  - { pattern: this.kwargs, kind: http.params, label: URL parameter }\n  # FastAPI / Starlette Request\n  - { pattern: $req.path_params, kind: http.params, label: path parameter }\n  - { pattern: $req.cookies, kind: http.cookies, label: cookie }\n  - { pattern: $req.url, kind: http.url, label: request URL }\n  - { pattern: "$req.json()", kind: http.body, label: JSON body }\n  - { pattern: "$req.form()", kind: http.body, label: form }\n# Numbers and fixed-format values carry no injection.\n  # Stored data: what a query gives back (DB-API cursors, the Django ORM, SQLAlchemy). Only the stored-XSS rule reads\n  # this kind: the injection rules keep to request data.\n  - { pattern: "re:\\\\.(?:fetchone|fetchall|fetchmany)\\\\(\\\\)$", kind: database.rows, label: data read from the database }\n  - { pattern: "re:(?:^|\\\\.)(?:cursor|cur|conn|connection|db)\\\\.execute\\\\(\\\\)$", kind: database.rows, label: data read from the database }\n  - { pattern: "re:\\\\.objects\\\\.(?:\\\\w+\\\\(\\\\)\\\\.)*(?:get|filter|all|exclude|values|values_list|first|last|raw)\\\\(\\\\)$", kind: database.rows, label: data read from the database }\n  - { pattern: "re:(?:^|\\\\.)query(?:\\\\(\\\\))?\\\\.(?:\\\\w+\\\\(\\\\)\\\\.)*(?:get|get_or_404|first|first_or_404|all|one|one_or_none|scalar)\\\\(\\\\)$", kind: database.rows, label: data read from the database }\n  - { pattern: "re:^django\\\\.shortcuts\\\\.get_object_or_404\\\\(\\\\)$", kind: database.rows, label: data read from the database }\nsanitizers:\n  - int\n  - float\n  - bool\n  - len\n  - uuid.UUID\n  - hash\n  - abs\n  - round\n  - "math.*"\n  - "re:^(?:datetime\\\\.)?(?:date|datetime)\\\\.(?:fromisoformat|strptime)$"\n# Library calls that pass their input on, followed as sure steps.\npropagators:\n  - { call: str, from: [0] }\n  - { call: bytes, from: [0] }\n  - { call: list, from: [0] }\n  - { call: tuple, from: [0] }\n  - { call: sorted, from: [0] }\n  - { call: reversed, from: [0] }\n  - { call: dict, from: [args] }\n  - { call: "re:^urllib\\\\.parse\\\\.(?:unquote|unquote_plus|unquote_to_bytes|urljoin|urlunparse|urlunsplit|parse_qs|parse_qsl)$", from: [args] }\n  - { call: "re:^os\\\\.path\\\\.(?:join|normpath|abspath|realpath|expanduser|expandvars|dirname)$", from: [args] }\n  - { call: "re:^(?:pathlib\\\\.)?(?:Path|PurePath|PosixPath|WindowsPath)$", from: [args] }\n  - { call: "re:^base64\\\\.(?:b64decode|urlsafe_b64decode|b32decode|b16decode|decodebytes|b64encode|urlsafe_b64encode)$", from: [0] }\n  - { call: "re:^json\\\\.loads?$", from: [0] }\n  - { call: "re:^codecs\\\\.(?:decode|encode)$", from: [0] }\n  - { call: "**.format", from: [receiver, args] }\n';
var sql_injection_default4 = `id: py-sql-injection
language: python
class: sql-injection
name: SQL injection
message: "{source} reaches the {label} of \`{sink}\` without a bound parameter: SQL injection."
description: Untrusted input is built into an SQL statement.
help: |
  Pass values as bound parameters instead of building them into the statement: \`cursor.execute('SELECT \u2026 WHERE id = %s', (id,))\`
  (psycopg2, mysqlclient, PyMySQL), \`?\` placeholders with sqlite3, \`text('\u2026 :id')\` with \`{'id': id}\` in SQLAlchemy, and
  \`Model.objects.raw('\u2026 %s', [id])\` or the ORM in Django. Converting to a number (\`int(id)\`) also makes it safe.
cwe: [CWE-89]
level: error
securitySeverity: 9.8
precision: high
sources: [http.*]
sinks:
  # DB-API cursors and connections (sqlite3, psycopg2, mysqlclient, PyMySQL), SQLAlchemy sessions and engines
  - call: "**.execute"
    receiver: "(?:^|_)(?:cur|Cur|cursor|Cursor|c|conn|Conn|connection|Connection|con|cnx|db|Db|DB|database|session|Session|engine|sqlite\\\\d*|mysql|pg)s?\\\\d*$"
    label: SQL statement
  - call: "**.executemany"
    receiver: "(?:^|_)(?:cur|cursor|c|conn|connection|con|cnx|db|session)\\\\d*$"
    label: SQL statement
  - { call: "**.executescript", label: SQL script }
  - { call: "**.mogrify", label: SQL statement }
  # SQLAlchemy raw text, Django raw queries
  - { call: sqlalchemy.text, label: raw SQL text }
  - { call: sqlalchemy.sql.text, label: raw SQL text }
  - { call: "**.objects.raw", label: raw SQL query }
  - { call: "**.objects.extra", label: raw SQL fragment }
  - { call: django.db.models.expressions.RawSQL, label: raw SQL fragment }
  - { call: pandas.read_sql, label: SQL query }
  - { call: pandas.read_sql_query, label: SQL query }
sanitizers:
  - check: allow-list
  - check: pattern
  - check: no-quote
  # x.replace("'", '&apos;'): the adapter names a replace that leaves no quote so.
  - call: "**.escape_quotes"
  - type: number
  - call: "**.escape_string"
  - call: "**.literal"
  - call: psycopg2.sql.Literal
  - call: psycopg2.sql.Identifier
tests:
  positive:
    - |
      import sqlite3
      from flask import Flask, request
      app = Flask(__name__)
      @app.route('/user')
      def user():
          conn = sqlite3.connect('app.db')
          cur = conn.cursor()
          cur.execute("SELECT * FROM users WHERE name = '" + request.args.get('name') + "'")
          return str(cur.fetchall())
    - |
      from django.db import connection
      def search(request):
          q = request.GET['q']
          with connection.cursor() as cursor:
              cursor.execute(f"SELECT * FROM items WHERE title LIKE '%{q}%'")
              return cursor.fetchall()
    - |
      from sqlalchemy import text
      from flask import request
      @app.post('/find')
      def find():
          sql = "SELECT * FROM t WHERE id = {}".format(request.form['id'])
          return db.session.execute(text(sql)).all()
    - |
      import re
      from flask import request, abort
      @app.route('/sort')
      def sort():
          column = request.args.get('column')
          if not re.match(r'[a-z_]+', column):
              abort(400)
          cursor.execute(f'SELECT * FROM users ORDER BY {column}')
          return 'ok'
  negative:
    - |
      import sqlite3
      from flask import request
      @app.route('/user')
      def user():
          cur = sqlite3.connect('app.db').cursor()
          cur.execute("SELECT * FROM users WHERE name = ?", (request.args.get('name'),))
          return str(cur.fetchall())
    - |
      from django.db import connection
      def item(request):
          item_id = int(request.GET['id'])
          with connection.cursor() as cursor:
              cursor.execute("SELECT * FROM items WHERE id = %d" % item_id)
              return cursor.fetchall()
    - |
      import re
      from flask import request, abort
      @app.route('/sort')
      def sort():
          column = request.args.get('column')
          if not re.fullmatch(r'[a-z_]+', column):
              abort(400)
          cursor.execute(f'SELECT * FROM users ORDER BY {column}')
          return 'ok'
    - |
      import re
      from flask import request, abort
      COLUMN = re.compile(r'^[a-z_]{1,32}$')
      @app.route('/sort')
      def sort():
          column = request.args.get('column')
          if not COLUMN.match(column):
              abort(400)
          cursor.execute('SELECT * FROM users ORDER BY ' + column)
          return 'ok'
`;
var command_injection_default4 = `id: py-command-injection
language: python
class: command-injection
name: OS command injection
message: "{source} reaches the {label} of \`{sink}\`: OS command injection."
description: Untrusted input is built into a command run by a shell.
help: |
  Run the program without a shell and pass arguments as a list: \`subprocess.run(['convert', name, out])\` (no \`shell=True\`),
  and never \`os.system\` / \`os.popen\` with input. When a shell is unavoidable, quote each value with \`shlex.quote\`.
cwe: [CWE-78]
level: error
securitySeverity: 9.8
precision: high
sources: [http.*]
sinks:
  - { call: os.system, label: shell command }
  - { call: os.popen, label: shell command }
  - { call: "re:^os\\\\.popen[234]$", label: shell command }
  - { call: subprocess.getoutput, label: shell command }
  - { call: subprocess.getstatusoutput, label: shell command }
  - { call: commands.getoutput, label: shell command }
  - { call: commands.getstatusoutput, label: shell command }
  - { call: "re:^subprocess\\\\.(?:call|run|Popen|check_call|check_output)$", when: { arg: 1, has: shell }, label: shell command }
  - { call: "re:^asyncio\\\\.create_subprocess_shell$", label: shell command }
  - { call: "**.create_subprocess_shell", label: shell command }
  # The program itself (first element of the list, or the string) chosen by the user.
  - { call: "re:^os\\\\.(?:execl|execlp|execv|execvp|spawnl|spawnlp|spawnv|spawnvp)$", label: program to run }
sanitizers:
  - check: allow-list
  - check: pattern
  - type: number
  - call: shlex.quote
  - call: pipes.quote
tests:
  positive:
    - |
      import os
      from flask import request
      @app.route('/ping')
      def ping():
          host = request.args.get('host')
          os.system('ping -c 1 ' + host)
          return 'ok'
    - |
      import subprocess
      def convert(request):
          name = request.POST.get('name')
          out = subprocess.check_output(f"convert {name} out.png", shell=True)
          return out
    - |
      import os, subprocess
      from flask import request
      @app.route('/echo')
      def echo():
          argv = []
          if os.name == 'nt':
              argv.append('cmd.exe')
              argv.append('/c')
          else:
              argv.append('sh')
              argv.append('-c')
          argv.append('echo ' + request.args.get('text'))
          return subprocess.run(argv, capture_output=True).stdout
  negative:
    - |
      import subprocess, shlex
      from flask import request
      @app.route('/ping')
      def ping():
          subprocess.run('ping -c 1 ' + shlex.quote(request.args.get('host')), shell=True)
          subprocess.run(['ping', '-c', '1', request.args.get('host')])
          return 'ok'
    - |
      import os
      from flask import request, abort
      HOSTS = ('db', 'cache')
      @app.route('/ping')
      def ping():
          host = request.args.get('host')
          if host not in HOSTS:
              abort(400)
          count = request.args.get('count')
          if not count.isdigit():
              abort(400)
          os.system('ping -c ' + count + ' ' + host)
          return 'ok'
    - |
      import subprocess
      from flask import request
      @app.route('/echo')
      def echo():
          argv = ['echo']
          argv.append(request.args.get('text'))
          return subprocess.run(argv, capture_output=True).stdout
    - |
      import os
      from re import fullmatch
      from flask import request, abort
      @app.route('/ping')
      def ping():
          host = request.args.get('host')
          if not fullmatch(r'[a-z0-9-]{1,63}', host):
              abort(400)
          os.system('ping -c 1 ' + host)
          return 'ok'
`;
var code_injection_default3 = `id: py-code-injection
language: python
class: code-injection
name: Code injection
message: "{source} reaches \`{sink}\` ({label}): code injection."
description: Untrusted input is evaluated as Python code.
help: |
  Never evaluate input: parse it instead (\`json.loads\`, \`ast.literal_eval\` for literals, \`int()\`), or map the allowed
  values to functions with a dictionary.
cwe: [CWE-94, CWE-95]
level: error
securitySeverity: 9.8
precision: high
sources: [http.*]
sinks:
  - { call: eval, label: evaluated code }
  - { call: exec, label: executed code }
  - { call: compile, label: compiled code }
  - { call: builtins.eval, label: evaluated code }
  - { call: builtins.exec, label: executed code }
  - { call: __import__, label: imported module name }
  - { call: importlib.import_module, label: imported module name }
sanitizers:
  - check: allow-list
  - check: pattern
  - check: quoted-literal
  - type: number
  - call: ast.literal_eval
tests:
  positive:
    - |
      from flask import request
      @app.route('/calc')
      def calc():
          expr = request.args['expr']
          return str(eval(expr))
    - |
      from flask import request
      @app.route('/calc')
      def calc():
          expr = request.args['expr']
          if not expr.startswith("'") or not expr.endswith("'"):
              return 'a string literal only'
          return eval(expr)
  negative:
    - |
      import ast
      from flask import request
      @app.route('/calc')
      def calc():
          return str(ast.literal_eval(request.args['expr'])) + str(eval('1 + 2'))
    - |
      from flask import request
      @app.route('/calc')
      def calc():
          expr = request.args['expr']
          if not expr.startswith("'") or not expr.endswith("'") or "'" in expr[1:-1]:
              return 'a string literal only'
          return eval(expr)
`;
var path_traversal_default4 = `id: py-path-traversal
language: python
class: path-traversal
name: Path traversal
message: "{source} reaches the {label} of \`{sink}\`: path traversal."
description: Untrusted input chooses a file path.
help: |
  Keep user input out of paths, or reduce it to a file name (\`os.path.basename\`, \`werkzeug.utils.secure_filename\`) and
  check that the resolved path stays under the intended folder (\`os.path.realpath(p).startswith(base + os.sep)\`). In
  Flask, serve user-chosen files with \`send_from_directory\`, which refuses paths outside its folder.
cwe: [CWE-22]
level: error
securitySeverity: 7.5
precision: high
sources: [http.*]
sinks:
  - { call: open, label: file path }
  - { call: io.open, label: file path }
  - { call: codecs.open, label: file path }
  - { call: builtins.open, label: file path }
  - { call: "re:^os\\\\.(?:remove|unlink|rmdir|removedirs|mkdir|makedirs|listdir|scandir|rename|replace|chmod|chown|truncate|open)$", label: file path }
  - { call: "re:^shutil\\\\.(?:copy|copy2|copyfile|copytree|move|rmtree)$", args: [0, 1], label: file path }
  - { call: "re:^(?:pathlib\\\\.)?(?:Path|PurePath|PosixPath|WindowsPath)$", args: [0, 1, 2], label: file path }
  # p.read_text() on a pathlib path is lowered as pathlib.Path.read_text(p).
  - { call: "re:^pathlib\\\\.Path\\\\.(?:open|read_text|read_bytes|write_text|write_bytes|unlink|rmdir|mkdir|touch|rename|replace|iterdir|glob|rglob|chmod|symlink_to|hardlink_to)$", label: file path }
  # Whether a file exists tells the client what is on the server's disk.
  - { call: "re:^pathlib\\\\.Path\\\\.(?:exists|is_file|is_dir|is_symlink|stat|lstat)$", label: file existence check }
  - { call: "re:^os\\\\.path\\\\.(?:exists|lexists|isfile|isdir|islink|getsize|getmtime|getatime|getctime)$", label: file existence check }
  - { call: flask.send_file, label: file sent }
  - { call: django.http.FileResponse, label: file sent }
  - { call: tarfile.open, label: archive path }
  - { call: zipfile.ZipFile, label: archive path }
sanitizers:
  - check: allow-list
  - check: pattern
  # Free of '..' is safe under a fixed folder ('/data/' + name), not alone or joined: os.path.join(BASE, '/etc/passwd').
  - { check: no-dot-dot, prefixed: true }
  - check: contained-path
  - type: number
  - call: os.path.basename
  - call: werkzeug.utils.secure_filename
  - call: werkzeug.secure_filename
  - call: "**.secure_filename"
tests:
  positive:
    - |
      from flask import request
      @app.route('/read')
      def read():
          name = request.args.get('file')
          with open('/var/data/' + name) as f:
              return f.read()
    - |
      import os
      def delete(request):
          os.remove(os.path.join('/uploads', request.GET['name']))
    - |
      import os
      from flask import request, abort
      @app.route('/read')
      def read():
          path = os.path.join('/var/data', request.args.get('file'))
          if not path.startswith('/var/data/'):
              abort(403)
          with open(path) as f:
              return f.read()
    - |
      import os, pathlib
      from flask import request
      @app.route('/exists')
      def exists():
          base = pathlib.Path('/var/data')
          p = base / request.args.get('file')
          return str(p.exists()) + str(os.path.isfile('/var/data/' + request.args.get('other')))
    - |
      import os
      from flask import request, abort
      @app.route('/read')
      def read():
          name = request.args.get('file')
          if '..' in name:
              abort(400)
          with open(os.path.join('/var/data', name)) as f:
              return f.read()
  negative:
    - |
      import os
      from flask import request, send_from_directory
      @app.route('/read')
      def read():
          name = os.path.basename(request.args.get('file'))
          with open('/var/data/' + name) as f:
              data = f.read()
          return send_from_directory('/var/data', request.args.get('file'))
    - |
      import os
      from flask import request, abort
      BASE = '/var/data'
      @app.route('/read')
      def read():
          name = request.args.get('file')
          if '..' in name:
              abort(400)
          path = os.path.realpath(os.path.join(BASE, request.args.get('other')))
          if not path.startswith(BASE + os.sep):
              abort(403)
          with open(path) as f, open(BASE + '/' + name) as g:
              return f.read() + g.read()
    - |
      import pathlib
      from flask import request
      BASE = pathlib.Path('/var/data')
      @app.route('/read')
      def read():
          p = (BASE / request.args.get('file')).resolve()
          if not str(p).startswith(str(BASE)):
              return 'no'
          return p.read_text()
`;
var ssrf_default3 = `id: py-ssrf
language: python
class: ssrf
name: Server-side request forgery
message: "{source} chooses the {label} of \`{sink}\`: server-side request forgery."
description: Untrusted input chooses where the server sends a request.
help: |
  Do not let input choose the host: build the URL from a fixed scheme and host and put input only in the path or query
  (encoded with \`urllib.parse.quote\`), or check the parsed host against an allow-list before the request.
cwe: [CWE-918]
level: error
securitySeverity: 8.6
precision: high
sources: [http.*]
sinks:
  - { call: "re:^requests\\\\.(?:get|post|put|patch|delete|head|options)$", label: request URL }
  - { call: requests.request, args: [1], label: request URL }
  - { call: "re:^httpx\\\\.(?:get|post|put|patch|delete|head|options|stream)$", label: request URL }
  - { call: httpx.request, args: [1], label: request URL }
  - { call: "re:^urllib\\\\.request\\\\.(?:urlopen|Request|urlretrieve)$", label: request URL }
  - { call: "re:^urllib2?\\\\.(?:urlopen|Request)$", label: request URL }
  - { call: "re:^http\\\\.client\\\\.(?:HTTPConnection|HTTPSConnection)$", label: request host }
  - { call: "**.session().get", label: request URL }
  - { call: "re:^aiohttp\\\\.(?:request)$", args: [1], label: request URL }
sanitizers:
  - check: allow-list
  - check: pattern
  - check: allowed-host
  - type: number
  - call: urllib.parse.quote
  - call: urllib.parse.quote_plus
  - call: urllib.parse.urlencode
safePrefix: "^https?://[^/?#]+[/?#]"
tests:
  positive:
    - |
      import requests
      from flask import request
      @app.route('/fetch')
      def fetch():
          return requests.get(request.args['url']).text
  negative:
    - |
      import requests
      from flask import request
      @app.route('/fetch')
      def fetch():
          return requests.get('https://api.example.com/items/' + request.args['id']).text
    - |
      import requests
      from urllib.parse import urlparse
      from flask import request, abort
      ALLOWED_HOSTS = {'api.example.com'}
      @app.route('/fetch')
      def fetch():
          url = request.args.get('url')
          if urlparse(url).hostname not in ALLOWED_HOSTS:
              abort(400)
          other = request.args.get('other')
          if not other.startswith('https://api.example.com/'):
              abort(400)
          requests.get(other)
          return requests.get(url).text
`;
var open_redirect_default4 = `id: py-open-redirect
language: python
class: open-redirect
name: Open redirect
message: "{source} chooses the {label} of \`{sink}\`: open redirect."
description: Untrusted input chooses where the user is redirected.
help: |
  Redirect only to paths of this site or to an allow-list: check the target with Django's
  \`url_has_allowed_host_and_scheme\`, or keep a fixed path before the value (\`redirect('/account/' + name)\`).
cwe: [CWE-601]
level: error
securitySeverity: 6.1
precision: high
sources: [http.*]
sinks:
  - { call: flask.redirect, label: redirect target }
  - { call: werkzeug.utils.redirect, label: redirect target }
  - { call: django.shortcuts.redirect, label: redirect target }
  - { call: "re:^django\\\\.http\\\\.(?:response\\\\.)?HttpResponse(?:Permanent)?Redirect$", label: redirect target }
  - { call: "re:^(?:fastapi|starlette)\\\\.responses\\\\.RedirectResponse$", label: redirect target }
sanitizers:
  - check: allow-list
  - check: pattern
  - check: allowed-host
  - type: number
  - call: flask.url_for
safePrefix: "^(?:/[^/\\\\\\\\]|https?://[^/?#]+[/?#])"
tests:
  positive:
    - |
      from flask import request, redirect
      @app.route('/go')
      def go():
          return redirect(request.args.get('next'))
    - |
      from django.http import HttpResponseRedirect
      def go(request):
          return HttpResponseRedirect(request.GET['next'])
    - |
      from flask import request, redirect, abort
      @app.route('/go')
      def go():
          target = request.args.get('next')
          if not target.startswith('/'):
              abort(400)
          return redirect(target)
  negative:
    - |
      from flask import request, redirect
      @app.route('/go')
      def go():
          return redirect('/profile/' + request.args.get('name'))
    - |
      from urllib.parse import urlparse
      from flask import request, redirect, abort
      @app.route('/go')
      def go():
          target = request.args.get('next')
          url = urlparse(target)
          if url.netloc not in ['example.com', 'www.example.com'] or url.scheme != 'https':
              abort(400)
          page = request.args.get('page')
          if not page.startswith('/account/'):
              abort(400)
          redirect(page)
          return redirect(target)
    - |
      from django.shortcuts import redirect
      from django.utils.http import url_has_allowed_host_and_scheme
      def go(request):
          target = request.GET['next']
          if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
              target = '/'
          return redirect(target)
`;
var xss_default4 = "id: py-reflected-xss\nlanguage: python\nclass: xss\nname: Cross-site scripting\nmessage: \"{source} is written into the {label} by `{sink}` without HTML encoding: cross-site scripting.\"\ndescription: Untrusted input is written into an HTML response without encoding.\nhelp: |\n  Render HTML with templates that escape (Jinja2 and Django templates do by default: do not mark input `|safe`, wrap it\n  in `Markup`/`mark_safe` or turn autoescape off), encode values with `html.escape` / `markupsafe.escape` when building\n  HTML by hand, and return data as JSON (`jsonify`) rather than HTML.\ncwe: [CWE-79]\nlevel: error\nsecuritySeverity: 6.1\nprecision: high\nsources: [http.*]\nsinks:\n  # What a Flask route handler returns is the response body (text/html for a string).\n  - { call: $return, label: HTML response }\n  - { call: flask.make_response, label: HTML response }\n  - { call: flask.Response, label: HTML response }\n  - { call: werkzeug.wrappers.Response, label: HTML response }\n  - { call: flask.render_template_string, label: template source }\n  - { call: jinja2.Template, label: template source }\n  - { call: markupsafe.Markup, label: trusted HTML }\n  - { call: flask.Markup, label: trusted HTML }\n  - { call: jinja2.Markup, label: trusted HTML }\n  - { call: django.http.HttpResponse, label: HTML response }\n  - { call: django.http.response.HttpResponse, label: HTML response }\n  - { call: django.utils.safestring.mark_safe, label: trusted HTML }\n  - { call: django.utils.html.format_html, label: trusted HTML }\n  - { call: \"re:^(?:fastapi|starlette)\\\\.responses\\\\.HTMLResponse$\", label: HTML response }\nsanitizers:\n  - check: allow-list\n  - check: pattern\n  - type: number\n  - call: html.escape\n  - call: cgi.escape\n  - call: markupsafe.escape\n  - call: flask.escape\n  - call: jinja2.escape\n  - call: django.utils.html.escape\n  - call: django.utils.html.conditional_escape\n  - call: bleach.clean\n  - call: bleach.linkify\n  - call: xml.sax.saxutils.escape\n  - call: urllib.parse.quote\n  - call: urllib.parse.quote_plus\n  - call: json.dumps\n  - call: flask.jsonify\n  # Escape helpers of the application itself, by their names: escape_html, html_escape, escape_for_html, escapeHtml\n  - call: \"re:(?:^|\\\\.)(?:escape_?(?:for_?)?html|html_?escape|escapeHtml|escapeHTML|htmlEscape|sanitize_?html|encode_?(?:for_?)?html)$\"\ntests:\n  positive:\n    - |\n      from flask import request\n      @app.route('/hello')\n      def hello():\n          name = request.args.get('name', '')\n          return '<h1>Hello ' + name + '</h1>'\n    - |\n      from flask import request, make_response, render_template_string\n      @app.route('/t')\n      def t():\n          resp = make_response(render_template_string('<p>%s</p>' % request.cookies.get('x')))\n          return resp\n    - |\n      from django.http import HttpResponse\n      def hello(request):\n          return HttpResponse(f\"<p>{request.GET.get('name')}</p>\")\n    - |\n      from flask import request\n      @app.route('/h')\n      def h():\n          items = ['<b>', 'safe']\n          items.pop(0)\n          items[0] = request.args.get('q')\n          return items[0]\n  negative:\n    - |\n      import html\n      from flask import request, jsonify\n      @app.route('/hello')\n      def hello():\n          return '<h1>Hello ' + html.escape(request.args.get('name', '')) + '</h1>'\n    - |\n      from flask import request, jsonify\n      @app.route('/hello')\n      def hello():\n          return jsonify({'name': request.args.get('name')})\n    - |\n      from flask import request, make_response\n      @app.route('/h')\n      def h():\n          items = ['<b>']\n          items.append(request.args.get('q'))\n          items.append('</b>')\n          items.pop(1)\n          make_response(('<p>saved</p>', {'X-Query': request.args.get('q')}))\n          return items[1], 200, {'X-Query': request.args.get('q')}\n    - |\n      from flask import request\n      @app.route('/about/team')\n      def about():\n          return '<h1>' + request.path.split('/')[1] + '</h1>'\n";
var jinja2_autoescape_default = "id: py-jinja2-autoescape-off\nlanguage: python\nclass: template-autoescape\nname: Jinja2 autoescape off\nmessage: \"`{sink}` is created with {label}: every value its templates print is HTML as written (cross-site scripting).\"\ndescription: A Jinja2 environment is created without HTML autoescaping (Jinja2's own default is off).\nhelp: Create environments with `autoescape=select_autoescape(['html', 'xml'])` (or `autoescape=True`), as Flask does for its own.\ncwe: [CWE-79, CWE-116]\nlevel: warning\nsecuritySeverity: 6.1\nprecision: high\nmode: call\nsinks:\n  - { call: jinja2.Environment, args: [], when: { arg: 0, unset: autoescape }, label: autoescape off }\ntests:\n  positive:\n    - |\n      import jinja2\n      env = jinja2.Environment(loader=jinja2.FileSystemLoader('templates'))\n  negative:\n    - |\n      from jinja2 import Environment, FileSystemLoader, select_autoescape\n      env = Environment(loader=FileSystemLoader('templates'), autoescape=select_autoescape(['html']))\n";
var deserialization_default4 = `id: py-insecure-deserialization
language: python
class: deserialization
name: Insecure deserialization
message: "{source} is deserialized by \`{sink}\` ({label}): insecure deserialization."
description: Untrusted input is deserialized by a format that can run code or build arbitrary objects.
help: |
  Do not unpickle or unmarshal input: use JSON (\`json.loads\`) or a schema-checked format. Load YAML with
  \`yaml.safe_load\` (or \`Loader=yaml.SafeLoader\`).
cwe: [CWE-502]
level: error
securitySeverity: 9.8
precision: high
sources: [http.*]
sinks:
  - { call: "re:^(?:c?[pP]ickle|_pickle|dill|cloudpickle)\\\\.(?:loads|load|Unpickler)$", label: pickle data }
  - { call: "re:^marshal\\\\.(?:loads|load)$", label: marshal data }
  - { call: "re:^jsonpickle\\\\.(?:decode|loads|unpickler\\\\.decode)$", label: jsonpickle data }
  # yaml.load with Loader=SafeLoader is lowered as yaml.safe_load; every other loader builds objects.
  - { call: "re:^yaml\\\\.(?:load|load_all|unsafe_load|unsafe_load_all|full_load|full_load_all)$", label: YAML document }
  - { call: shelve.open, label: shelf file }
  - { call: "re:^pandas\\\\.read_pickle$", label: pickle data }
  - { call: "re:^torch\\\\.load$", label: pickle data }
sanitizers:
  - check: allow-list
  - check: pattern
  - type: number
tests:
  positive:
    - |
      import pickle, base64
      from flask import request
      @app.route('/load', methods=['POST'])
      def load():
          return str(pickle.loads(base64.b64decode(request.form['data'])))
    - |
      import yaml
      from flask import request
      @app.route('/y', methods=['POST'])
      def y():
          return str(yaml.load(request.get_data(), Loader=yaml.Loader))
  negative:
    - |
      import yaml, json
      from flask import request
      @app.route('/y', methods=['POST'])
      def y():
          a = yaml.safe_load(request.get_data())
          b = yaml.load(request.get_data(), Loader=yaml.SafeLoader)
          return json.dumps([a, b, json.loads(request.get_data())])
`;
var xxe_default3 = "id: py-xxe\nlanguage: python\nclass: xxe\nname: XML external entities\nmessage: \"{source} is parsed by `{sink}` ({label}) with external entities resolved: XXE.\"\ndescription: Untrusted XML is parsed by a parser that resolves external entities.\nhelp: |\n  Parse untrusted XML with `defusedxml` (`defusedxml.ElementTree.fromstring`, `defusedxml.minidom.parseString`), or an\n  lxml parser made with `XMLParser(resolve_entities=False, no_network=True)`; never turn on\n  `feature_external_ges` / `feature_external_pes` of a SAX parser.\ncwe: [CWE-611]\nlevel: error\nsecuritySeverity: 7.5\nprecision: medium\nsources: [http.*]\nsinks:\n  # lxml resolves entities unless its parser says otherwise.\n  - { call: \"re:^lxml\\\\.etree\\\\.(?:fromstring|XML|parse)$\", when: { arg: 1, unset: parser }, label: XML document }\n  # minidom and pulldom with a SAX parser of the caller's (made to turn features on): expat alone does not fetch entities.\n  - { call: \"re:^xml\\\\.dom\\\\.(?:minidom|pulldom)\\\\.(?:parseString|parse)$\", when: { arg: 1 }, label: XML document }\n  - { call: \"re:^xml\\\\.sax\\\\.(?:parseString|parse)$\", when: { arg: 1 }, label: XML document }\nsanitizers:\n  - check: allow-list\n  - check: pattern\n  - type: number\n  - call: \"re:^defusedxml\\\\..*\"\ntests:\n  positive:\n    - |\n      import xml.dom.minidom, xml.sax, xml.sax.handler\n      from flask import request\n      @app.route('/x', methods=['POST'])\n      def x():\n          parser = xml.sax.make_parser()\n          parser.setFeature(xml.sax.handler.feature_external_ges, True)\n          doc = xml.dom.minidom.parseString(request.get_data(), parser)\n          return doc.toxml()\n  negative:\n    - |\n      import defusedxml.minidom, xml.dom.minidom\n      from flask import request\n      @app.route('/x', methods=['POST'])\n      def x():\n          a = xml.dom.minidom.parseString(request.get_data())\n          return defusedxml.minidom.parseString(request.get_data()).toxml()\n    - |\n      import xml.dom.minidom, xml.sax\n      from flask import request\n      @app.route('/x', methods=['POST'])\n      def x():\n          parser = xml.sax.make_parser()\n          return xml.dom.minidom.parseString(request.get_data(), parser).toxml()\n";
var xxe_parser_default = 'id: py-xxe-parser-config\nlanguage: python\nclass: xxe-config\nname: XML parser resolves external entities\nmessage: "`{sink}` turns on {label}: XML parsed with it may read local files or fetch URLs (XXE)."\ndescription: An XML parser is configured to resolve external entities.\nhelp: |\n  Leave external entities off: `lxml.etree.XMLParser(resolve_entities=False, no_network=True)`, and do not call\n  `setFeature(feature_external_ges, True)` on SAX parsers. Use `defusedxml` for untrusted XML.\ncwe: [CWE-611]\nlevel: warning\nsecuritySeverity: 7.5\nprecision: medium\nmode: call\nsinks:\n  - { call: lxml.etree.XMLParser, args: [], when: { arg: 0, has: resolve_entities }, label: entity resolution }\ntests:\n  positive:\n    - |\n      from lxml import etree\n      parser = etree.XMLParser(resolve_entities=True)\n  negative:\n    - |\n      from lxml import etree\n      parser = etree.XMLParser(resolve_entities=False, no_network=True)\n';
var ldap_injection_default3 = `id: py-ldap-injection
language: python
class: ldap-injection
name: LDAP injection
message: "{source} reaches the {label} of \`{sink}\` without LDAP escaping: LDAP injection."
description: Untrusted input is built into an LDAP search filter.
help: |
  Escape values put into filters: \`ldap3.utils.conv.escape_filter_chars(value)\` or \`ldap.filter.escape_filter_chars\`
  (python-ldap), or build the filter with \`ldap.filter.filter_format('(uid=%s)', [value])\`.
cwe: [CWE-90]
level: error
securitySeverity: 8.1
precision: high
sources: [http.*]
sinks:
  # ldap3: Connection.search(search_base, search_filter, \u2026)
  - { call: "**.search", receiver: "(?:^|_)(?:conn|Conn|connection|Connection|ldap|ld|l|c|server)\\\\d*$", args: [0, 1], label: LDAP search filter }
  - { call: "**.paged_search", args: [0, 1], label: LDAP search filter }
  # python-ldap: search_s(base, scope, filterstr, \u2026)
  - { call: "re:^.*\\\\.search(?:_s|_st|_ext|_ext_s)$", args: [0, 2], label: LDAP search filter }
sanitizers:
  - check: allow-list
  - check: pattern
  - type: number
  - call: "re:(?:^|\\\\.)escape_filter_chars$"
  - call: "re:(?:^|\\\\.)escape_dn_chars$"
  - call: ldap.filter.filter_format
tests:
  positive:
    - |
      import ldap3
      from flask import request
      @app.route('/who')
      def who():
          conn = ldap3.Connection(server)
          conn.search('dc=example,dc=com', '(uid=' + request.args['user'] + ')', attributes=['cn'])
          return str(conn.entries)
  negative:
    - |
      import ldap3
      from ldap3.utils.conv import escape_filter_chars
      from flask import request
      @app.route('/who')
      def who():
          conn = ldap3.Connection(server)
          conn.search('dc=example,dc=com', '(uid=' + escape_filter_chars(request.args['user']) + ')')
          return str(conn.entries)
`;
var xpath_injection_default3 = `id: py-xpath-injection
language: python
class: xpath-injection
name: XPath injection
message: "{source} reaches the {label} of \`{sink}\`: XPath injection."
description: Untrusted input is built into an XPath expression.
help: |
  Pass values as XPath variables instead of building them into the expression: \`root.xpath('//user[@name=$name]', name=value)\`
  (lxml), or check them against a strict pattern first.
cwe: [CWE-643]
level: error
securitySeverity: 7.5
precision: high
sources: [http.*]
sinks:
  - { call: "**.xpath", label: XPath expression }
  - { call: lxml.etree.XPath, label: XPath expression }
  - { call: lxml.etree.ETXPath, label: XPath expression }
  - { call: "re:^elementpath\\\\.(?:select|iter_select)$", args: [1], label: XPath expression }
  - { call: "re:^elementpath\\\\.(?:Selector|XPath[12]Parser)$", label: XPath expression }
  - { call: "re:^.*\\\\.(?:find|findall|iterfind|findtext)$", receiver: "(?:^|_)(?:root|tree|doc|document|xml|dom|et|etree|element|elem|node|parse\\\\(\\\\)|getroot\\\\(\\\\))\\\\d*$", label: ElementTree path }
sanitizers:
  - check: allow-list
  - check: pattern
  - check: no-quote
  # x.replace("'", '&apos;'): the adapter names a replace that leaves no quote so.
  - call: "**.escape_quotes"
  - type: number
tests:
  positive:
    - |
      from lxml import etree
      from flask import request
      @app.route('/find')
      def find():
          root = etree.parse('users.xml')
          return str(root.xpath("//user[@name='" + request.args['name'] + "']"))
    - |
      import elementpath
      import xml.etree.ElementTree as ET
      from flask import request
      @app.route('/find')
      def find():
          root = ET.parse('users.xml')
          return str(elementpath.select(root, "//user[@name='" + request.args['name'] + "']"))
    - |
      import configparser
      from lxml import etree
      from flask import request
      @app.route('/find')
      def find():
          conf = configparser.ConfigParser()
          conf.add_section('s')
          conf.set('s', 'asked', request.args['name'])
          name = conf.get('s', 'asked')
          return str(etree.parse('users.xml').xpath("//user[@name='" + name + "']"))
  negative:
    - |
      from lxml import etree
      from flask import request
      @app.route('/find')
      def find():
          root = etree.parse('users.xml')
          return str(root.xpath("//user[@name=$name]", name=request.args['name']))
    - |
      from lxml import etree
      from flask import request
      @app.route('/find')
      def find():
          name = request.args['name']
          if "'" in name:
              return 'no quotes'
          return str(etree.parse('users.xml').xpath("//user[@name='" + name + "']"))
    - |
      import configparser
      from lxml import etree
      from flask import request
      @app.route('/find')
      def find():
          conf = configparser.ConfigParser()
          conf.add_section('s')
          conf.set('s', 'fixed', 'admin')
          conf.set('s', 'asked', request.args['name'])
          name = conf.get('s', 'fixed')
          return str(etree.parse('users.xml').xpath("//user[@name='" + name + "']"))
`;
var trust_boundary_default2 = `id: py-trust-boundary
language: python
class: trust-boundary
name: Trust boundary violation
message: "{source} is stored in the {label} by \`{sink}\`: trust boundary violation."
description: Untrusted input is stored in the session, where the application treats it as trusted.
help: |
  Validate input before putting it in the session (the session is trusted state: user ids, roles), and store only values
  the server derived itself.
cwe: [CWE-501]
level: warning
securitySeverity: 5.3
precision: medium
sources: [http.*]
sinks:
  - { assign: "flask.session.*", label: session }
  - { assign: "$req.session.*", label: session }
  - { assign: "this.request.session.*", label: session }
  - { call: "re:^flask\\\\.session\\\\.(?:update|setdefault|__setitem__)$", args: [0, 1], label: session }
  - { call: "re:^(?:\\\\$req|this\\\\.request)\\\\.session\\\\.(?:update|setdefault|__setitem__)$", args: [0, 1], label: session }
sanitizers:
  - check: allow-list
  - check: pattern
  - type: number
tests:
  positive:
    - |
      from flask import request, session
      @app.route('/login', methods=['POST'])
      def login():
          session['user'] = request.form['user']
          return 'ok'
    - |
      import flask
      from flask import request
      @app.route('/remember')
      def remember():
          flask.session[request.args.get('name')] = 'yes'
          return 'ok'
    - |
      def remember(request):
          request.session[request.GET['name']] = True
  negative:
    - |
      from flask import request, session
      @app.route('/login', methods=['POST'])
      def login():
          session['user'] = lookup_user_id()
          return 'ok'
`;
var weak_hash_default3 = 'id: py-weak-hash\nlanguage: python\nclass: weak-hash\nname: Weak hash algorithm\nmessage: "`{sink}` uses a broken hash ({label}): do not use it for passwords or integrity."\ndescription: MD5, SHA-1 and older hashes are broken for security uses (passwords, signatures, integrity).\nhelp: |\n  Hash passwords with a password hash (`hashlib.scrypt`, `argon2-cffi`, `bcrypt`, Django\'s `make_password`), and use\n  SHA-256 or better for integrity. Mark a non-security use explicitly with `usedforsecurity=False`.\ncwe: [CWE-328]\nlevel: warning\nsecuritySeverity: 5.9\nprecision: medium\nmode: call\nsinks:\n  - { call: "re:^hashlib\\\\.(?:md5|sha1|md4|md2|ripemd160)$", args: [], label: MD5/SHA-1 }\n  - { call: "re:^Crypto(?:dome)?\\\\.Hash\\\\.(?:MD5|SHA1|SHA|MD4|MD2)\\\\.new$", args: [], label: MD5/SHA-1 }\n  - { call: "re:^cryptography\\\\.hazmat\\\\.primitives\\\\.hashes\\\\.(?:MD5|SHA1)$", args: [], label: MD5/SHA-1 }\ntests:\n  positive:\n    - |\n      import hashlib\n      def store(password):\n          return hashlib.md5(password.encode()).hexdigest()\n    - |\n      import hashlib\n      h = hashlib.new(\'sha1\')\n  negative:\n    - |\n      import hashlib\n      def store(password):\n          return hashlib.sha256(password.encode()).hexdigest() + hashlib.new(\'sha512\').hexdigest()\n';
var weak_random_default3 = 'id: py-weak-random\nlanguage: python\nclass: weak-random\nname: Weak random numbers\nmessage: "`{sink}` is not a cryptographic random generator ({label}): do not use it for tokens, secrets or passwords."\ndescription: The `random` module is predictable; values from it must not be tokens, session ids, passwords or keys.\nhelp: |\n  Use `secrets` (`secrets.token_urlsafe()`, `secrets.token_hex()`, `secrets.randbelow()`) or `random.SystemRandom()`\n  for anything an attacker must not guess.\ncwe: [CWE-330]\nlevel: warning\nsecuritySeverity: 5.3\nprecision: medium\nmode: call\nsinks:\n  - call: "re:^random\\\\.(?:random|randint|randrange|randbytes|getrandbits|choice|choices|sample|shuffle|uniform|triangular|normalvariate|gauss|betavariate|expovariate|gammavariate|lognormvariate|vonmisesvariate|paretovariate|weibullvariate)$"\n    args: []\n    label: Mersenne Twister\n  - { call: "re:^numpy\\\\.random\\\\.(?:rand|randint|random|choice|bytes)$", args: [], label: Mersenne Twister }\ntests:\n  positive:\n    - |\n      import random\n      def token():\n          return str(random.getrandbits(64))\n  negative:\n    - |\n      import secrets, random\n      def token():\n          return secrets.token_urlsafe(32) + str(random.SystemRandom().randint(0, 9))\n';
var insecure_cookie_default3 = "id: py-insecure-cookie\nlanguage: python\nclass: insecure-cookie\nname: Cookie without the Secure flag\nmessage: \"`{sink}` sets a cookie without {label}: it is also sent over plain HTTP.\"\ndescription: A cookie is set without `secure=True`, so the browser sends it over unencrypted connections too.\nhelp: |\n  Set cookies with `secure=True, httponly=True, samesite='Lax'` (Flask and Django `set_cookie`), and in Django set\n  `SESSION_COOKIE_SECURE = True` and `CSRF_COOKIE_SECURE = True`.\ncwe: [CWE-614]\nlevel: warning\nsecuritySeverity: 4.3\nprecision: medium\nmode: call\nsinks:\n  # set_cookie(key, value, \u2026, secure=False) or without secure (both Flask and Django default to not secure).\n  - { call: \"**.set_cookie\", args: [], when: { arg: 2, unset: secure }, label: the Secure flag }\ntests:\n  positive:\n    - |\n      from flask import make_response\n      @app.route('/remember')\n      def remember():\n          resp = make_response('ok')\n          resp.set_cookie('token', new_token(), httponly=True, secure=False)\n          return resp\n  negative:\n    - |\n      from flask import make_response\n      @app.route('/remember')\n      def remember():\n          resp = make_response('ok')\n          resp.set_cookie('token', new_token(), httponly=True, secure=True)\n          return resp\n";
var tls_verification_default2 = 'id: py-tls-verification-off\nlanguage: python\nclass: tls-verification\nname: TLS certificate verification turned off\nmessage: "`{sink}` turns off {label}: anyone on the network can read and change the traffic."\ndescription: HTTPS requests are made without checking the server\'s certificate.\nhelp: Keep `verify=True` (the default); point `verify` at a CA bundle for private certificates instead of turning checks off.\ncwe: [CWE-295]\nlevel: error\nsecuritySeverity: 7.4\nprecision: high\nmode: call\nsinks:\n  - { call: "re:^(?:requests|httpx)\\\\.(?:get|post|put|patch|delete|head|options)$", args: [], when: { arg: 1, falsy: verify }, label: certificate verification }\n  - { call: "re:^(?:requests|httpx)\\\\.(?:request|Client|AsyncClient)$", args: [], when: { arg: 2, falsy: verify }, label: certificate verification }\n  - { call: "re:^(?:httpx)\\\\.(?:Client|AsyncClient)$", args: [], when: { arg: 0, falsy: verify }, label: certificate verification }\n  - { call: ssl._create_unverified_context, args: [], label: certificate verification }\ntests:\n  positive:\n    - |\n      import requests\n      r = requests.get(\'https://example.com\', verify=False)\n  negative:\n    - |\n      import requests\n      r = requests.get(\'https://example.com\', timeout=5)\n';
var debug_mode_default2 = `id: py-flask-debug
language: python
class: debug-mode
name: Debug mode on
message: "\`{sink}\` runs with {label}: the Werkzeug debugger lets anyone who reaches it run code."
description: A Flask application is started with \`debug=True\`.
help: Never run with \`debug=True\` outside a developer's machine; read the setting from the environment (\`FLASK_DEBUG\`) and serve production with a WSGI server.
cwe: [CWE-489, CWE-215]
level: warning
securitySeverity: 7.5
precision: high
mode: call
sinks:
  - { call: "**.run", receiver: "^(?:app|application|flask_app|server)$", args: [], when: { arg: 0, has: debug }, label: debug mode }
  - { call: "**.run", receiver: "^(?:app|application|flask_app|server)$", args: [], when: { arg: 1, has: debug }, label: debug mode }
  - { call: "**.run", receiver: "^(?:app|application|flask_app|server)$", args: [], when: { arg: 2, has: debug }, label: debug mode }
tests:
  positive:
    - |
      from flask import Flask
      app = Flask(__name__)
      if __name__ == '__main__':
          app.run(host='0.0.0.0', debug=True)
  negative:
    - |
      from flask import Flask
      app = Flask(__name__)
      if __name__ == '__main__':
          app.run(host='0.0.0.0', debug=False)
`;
var flask_csrf_default = "id: py-flask-csrf\nlanguage: python\nclass: csrf\nmode: route\nname: State-changing Flask route without CSRF protection\nmessage: \"This Flask app keeps users in its session cookie and {label} on {source}: cross-site request forgery.\"\ndescription: |\n  A Flask app that keeps users in cookies (it uses `flask.session`, Flask-Login, sets cookies, or has a secret key)\n  registers POST, PUT, PATCH or DELETE routes, and neither Flask-WTF (`CSRFProtect`, `FlaskForm`) nor Flask-SeaSurf\n  is used anywhere in the app. The routes share one cause and one fix, so an app gets one finding, at\n  `Flask(__name__)`, naming every unprotected route as a related location.\nhelp: |\n  Turn on `CSRFProtect(app)` from Flask-WTF (or use `FlaskForm`, which checks a token), or Flask-SeaSurf, and send\n  the token with every form and AJAX request. Set `SESSION_COOKIE_SAMESITE = 'Lax'` as well. APIs authenticated by a\n  header token are not affected.\ncwe: [CWE-352]\nlevel: warning\nsecuritySeverity: 6.5\nprecision: medium\napp:\n  uses:\n    - flask.session\n    - flask_login\n    - flask_session\n    - \"**.set_cookie\"\n    - \"**.secret_key\"\n    - \"**.SECRET_KEY\"\n  creates:\n    - flask.Flask\n  protections:\n    - flask_wtf\n    - flask_seasurf\nsinks:\n  - { call: \"**.route\", when: { arg: 1, key: methods, equals: \"^(?:POST|PUT|PATCH|DELETE)$\" }, label: no CSRF token is checked }\n  - { call: \"re:^(?:app|\\\\w*_app|api|bp|\\\\w*_bp|\\\\w*[Bb]lueprint|\\\\w*_blueprint)\\\\.(?:post|put|patch|delete)$\", label: no CSRF token is checked }\ntests:\n  positive:\n    - |\n      from flask import Flask, request, session, redirect\n      app = Flask(__name__)\n      app.secret_key = os.environ['SECRET_KEY']\n\n      @app.route('/transfer', methods=['GET', 'POST'])\n      def transfer():\n          move_money(session['user'], request.form['to'], request.form['amount'])\n          return redirect('/')\n    - |\n      from flask import Blueprint, request\n      from flask_login import login_required, current_user\n      account_bp = Blueprint('account', __name__)\n\n      @account_bp.delete('/account')\n      @login_required\n      def delete_account():\n          current_user.delete()\n          return '', 204\n  negative:\n    - |\n      from flask import Flask, request, session, redirect\n      from flask_wtf.csrf import CSRFProtect\n      app = Flask(__name__)\n      app.secret_key = os.environ['SECRET_KEY']\n      CSRFProtect(app)\n\n      @app.route('/transfer', methods=['POST'])\n      def transfer():\n          move_money(session['user'], request.form['to'], request.form['amount'])\n          return redirect('/')\n    - |\n      from flask import Flask, request, jsonify\n      app = Flask(__name__)\n\n      @app.post('/api/items')\n      def create():\n          return jsonify(save(request.json))\n";
var django_csrf_default = "id: py-django-csrf\nlanguage: python\nclass: csrf\nmode: route\nname: Django CSRF protection turned off\nmessage: \"{source}: {label}, so other sites can make a logged-in user's browser send state-changing requests (cross-site request forgery).\"\ndescription: A Django view is exempted from CSRF checks (`@csrf_exempt`), or the settings' `MIDDLEWARE` keeps sessions but lacks `CsrfViewMiddleware`.\nhelp: |\n  Keep `django.middleware.csrf.CsrfViewMiddleware` in `MIDDLEWARE` and remove `@csrf_exempt`: send the token with\n  forms (`{% csrf_token %}`) and AJAX requests (the `X-CSRFToken` header). A webhook that must accept foreign\n  requests should authenticate them another way (a signature) and change nothing on behalf of a logged-in user.\ncwe: [CWE-352]\nlevel: warning\nsecuritySeverity: 6.5\nprecision: high\napp:\n  references:\n    - { pattern: django.views.decorators.csrf.csrf_exempt, label: CSRF checks are turned off for this view }\n  settings:\n    - { name: MIDDLEWARE, has: \"SessionMiddleware|AuthenticationMiddleware\", lacks: \"^django\\\\.middleware\\\\.csrf\\\\.CsrfViewMiddleware$\", label: CsrfViewMiddleware is missing }\n    - { name: MIDDLEWARE_CLASSES, has: \"SessionMiddleware|AuthenticationMiddleware\", lacks: \"^django\\\\.middleware\\\\.csrf\\\\.CsrfViewMiddleware$\", label: CsrfViewMiddleware is missing }\ntests:\n  positive:\n    - |\n      from django.views.decorators.csrf import csrf_exempt\n      from django.http import HttpResponse\n\n      @csrf_exempt\n      def change_email(request):\n          request.user.email = request.POST['email']\n          request.user.save()\n          return HttpResponse('ok')\n    - code: |\n        MIDDLEWARE = [\n            'django.middleware.security.SecurityMiddleware',\n            'django.contrib.sessions.middleware.SessionMiddleware',\n            'django.contrib.auth.middleware.AuthenticationMiddleware',\n        ]\n      file: settings.py\n  negative:\n    - |\n      from django.views.decorators.csrf import csrf_protect\n      from django.http import HttpResponse\n\n      @csrf_protect\n      def change_email(request):\n          request.user.email = request.POST['email']\n          request.user.save()\n          return HttpResponse('ok')\n    - code: |\n        MIDDLEWARE = [\n            'django.contrib.sessions.middleware.SessionMiddleware',\n            'django.middleware.csrf.CsrfViewMiddleware',\n            'django.contrib.auth.middleware.AuthenticationMiddleware',\n        ]\n      file: settings.py\n";
var stored_xss_default3 = "id: py-stored-xss\nlanguage: python\nclass: xss\nname: Stored cross-site scripting\nmessage: \"{source} is written into the {label} by `{sink}` without HTML encoding: whoever stored it can run script in other users' browsers (stored cross-site scripting).\"\ndescription: Data read back from the database (DB-API rows, Django ORM and SQLAlchemy results) is written into a server-rendered HTML response without encoding.\nhelp: |\n  Encode stored data when it is printed: render it through a template with auto-escaping on (`render_template`,\n  Django templates) instead of building HTML in strings, or `markupsafe.escape` / `django.utils.html.escape` it.\n  Do not wrap it in `Markup` / `mark_safe`. Send data to scripts as JSON (`jsonify`, `JsonResponse`). If users may\n  store markup, sanitize it with `bleach` / `nh3`.\ncwe: [CWE-79]\nlevel: warning\nsecuritySeverity: 6.1\n# Lower than reflected XSS: a column may only ever hold values the application wrote itself. A Flask handler's\n# return and Response bodies count only when built into a string (a dict or a list is sent as JSON).\nprecision: medium\nsources: [database.*]\nsinks:\n  - { call: $return, string: true, label: HTML response }\n  - { call: flask.make_response, string: true, label: HTML response }\n  - { call: flask.Response, string: true, label: HTML response }\n  - { call: werkzeug.wrappers.Response, string: true, label: HTML response }\n  - { call: flask.render_template_string, label: template source }\n  - { call: markupsafe.Markup, label: trusted HTML }\n  - { call: flask.Markup, label: trusted HTML }\n  - { call: django.http.HttpResponse, label: HTML response }\n  - { call: django.http.response.HttpResponse, label: HTML response }\n  - { call: django.utils.safestring.mark_safe, label: trusted HTML }\n  - { call: \"re:^(?:fastapi|starlette)\\\\.responses\\\\.HTMLResponse$\", label: HTML response }\ntests:\n  positive:\n    - |\n      import sqlite3\n      from flask import Flask\n      app = Flask(__name__)\n\n      @app.route('/comments')\n      def comments():\n          cur = sqlite3.connect('app.db').cursor()\n          cur.execute('SELECT author, body FROM comments')\n          items = ''.join(f'<li>{author}: {body}</li>' for author, body in cur.fetchall())\n          return f'<ul>{items}</ul>'\n    - |\n      from django.http import HttpResponse\n      from django.utils.safestring import mark_safe\n      from .models import Profile\n\n      def profile(request, pk):\n          p = Profile.objects.get(pk=pk)\n          return HttpResponse(mark_safe('<div>' + p.bio + '</div>'))\n  negative:\n    - |\n      import sqlite3\n      from flask import Flask, jsonify\n      from markupsafe import escape\n      app = Flask(__name__)\n\n      @app.route('/comments')\n      def comments():\n          cur = sqlite3.connect('app.db').cursor()\n          cur.execute('SELECT author, body FROM comments')\n          rows = cur.fetchall()\n          items = ''.join(f'<li>{escape(author)}: {escape(body)}</li>' for author, body in rows)\n          return f'<ul>{items}</ul>'\n\n      @app.route('/api/comments')\n      def api_comments():\n          cur = sqlite3.connect('app.db').cursor()\n          cur.execute('SELECT author, body FROM comments')\n          return jsonify(cur.fetchall())\n";
var BUILTIN_RULE_FILES = [
  { path: "javascript/models.yaml", text: models_default },
  { path: "javascript/sql-injection.yaml", text: sql_injection_default },
  { path: "javascript/nosql-injection.yaml", text: nosql_injection_default },
  { path: "javascript/command-injection.yaml", text: command_injection_default },
  { path: "javascript/code-injection.yaml", text: code_injection_default },
  { path: "javascript/path-traversal.yaml", text: path_traversal_default },
  { path: "javascript/ssrf.yaml", text: ssrf_default },
  { path: "javascript/open-redirect.yaml", text: open_redirect_default },
  { path: "javascript/xss.yaml", text: xss_default },
  { path: "javascript/deserialization.yaml", text: deserialization_default },
  { path: "javascript/header-injection.yaml", text: header_injection_default },
  { path: "javascript/weak-hash.yaml", text: weak_hash_default },
  { path: "javascript/weak-random.yaml", text: weak_random_default },
  { path: "javascript/tls-verification.yaml", text: tls_verification_default },
  { path: "javascript/insecure-cookie.yaml", text: insecure_cookie_default },
  { path: "javascript/debug-mode.yaml", text: debug_mode_default },
  { path: "javascript/stack-trace-exposure.yaml", text: stack_trace_exposure_default },
  { path: "javascript/hardcoded-secret.yaml", text: hardcoded_secret_default },
  { path: "javascript/jwt-algorithms.yaml", text: jwt_algorithms_default },
  { path: "javascript/jwt-algorithms-unset.yaml", text: jwt_algorithms_unset_default },
  { path: "javascript/csrf.yaml", text: csrf_default },
  { path: "javascript/stored-xss.yaml", text: stored_xss_default },
  { path: "javascript/log-injection.yaml", text: log_injection_default },
  { path: "javascript/angular-trust-bypass.yaml", text: angular_trust_bypass_default },
  { path: "javascript/incomplete-url-check.yaml", text: incomplete_url_check_default },
  { path: "java/models.yaml", text: models_default2 },
  { path: "java/sql-injection.yaml", text: sql_injection_default2 },
  { path: "java/command-injection.yaml", text: command_injection_default2 },
  { path: "java/path-traversal.yaml", text: path_traversal_default2 },
  { path: "java/xss.yaml", text: xss_default2 },
  { path: "java/ldap-injection.yaml", text: ldap_injection_default },
  { path: "java/xpath-injection.yaml", text: xpath_injection_default },
  { path: "java/trust-boundary.yaml", text: trust_boundary_default },
  { path: "java/open-redirect.yaml", text: open_redirect_default2 },
  { path: "java/header-injection.yaml", text: header_injection_default2 },
  { path: "java/deserialization.yaml", text: deserialization_default2 },
  { path: "java/xxe.yaml", text: xxe_default },
  { path: "java/weak-crypto.yaml", text: weak_crypto_default },
  { path: "java/weak-hash.yaml", text: weak_hash_default2 },
  { path: "java/weak-random.yaml", text: weak_random_default2 },
  { path: "java/insecure-cookie.yaml", text: insecure_cookie_default2 },
  { path: "php/models.yaml", text: models_default3 },
  { path: "php/sql-injection.yaml", text: sql_injection_default3 },
  { path: "php/xss.yaml", text: xss_default3 },
  { path: "php/xss-unquoted-context.yaml", text: xss_unquoted_context_default },
  { path: "php/command-injection.yaml", text: command_injection_default3 },
  { path: "php/argument-injection.yaml", text: argument_injection_default },
  { path: "php/twig-xss.yaml", text: twig_xss_default },
  { path: "python/template-xss.yaml", text: template_xss_default },
  { path: "java/jsp-xss.yaml", text: jsp_xss_default },
  { path: "php/code-injection.yaml", text: code_injection_default2 },
  { path: "php/file-inclusion.yaml", text: file_inclusion_default },
  { path: "php/path-traversal.yaml", text: path_traversal_default3 },
  { path: "php/ssrf.yaml", text: ssrf_default2 },
  { path: "php/open-redirect.yaml", text: open_redirect_default3 },
  { path: "php/header-injection.yaml", text: header_injection_default3 },
  { path: "php/deserialization.yaml", text: deserialization_default3 },
  { path: "php/xxe.yaml", text: xxe_default2 },
  { path: "php/ldap-injection.yaml", text: ldap_injection_default2 },
  { path: "php/xpath-injection.yaml", text: xpath_injection_default2 },
  { path: "php/stored-xss.yaml", text: stored_xss_default2 },
  { path: "python/models.yaml", text: models_default4 },
  { path: "python/sql-injection.yaml", text: sql_injection_default4 },
  { path: "python/command-injection.yaml", text: command_injection_default4 },
  { path: "python/code-injection.yaml", text: code_injection_default3 },
  { path: "python/path-traversal.yaml", text: path_traversal_default4 },
  { path: "python/ssrf.yaml", text: ssrf_default3 },
  { path: "python/open-redirect.yaml", text: open_redirect_default4 },
  { path: "python/xss.yaml", text: xss_default4 },
  { path: "python/jinja2-autoescape.yaml", text: jinja2_autoescape_default },
  { path: "python/deserialization.yaml", text: deserialization_default4 },
  { path: "python/xxe.yaml", text: xxe_default3 },
  { path: "python/xxe-parser.yaml", text: xxe_parser_default },
  { path: "python/ldap-injection.yaml", text: ldap_injection_default3 },
  { path: "python/xpath-injection.yaml", text: xpath_injection_default3 },
  { path: "python/trust-boundary.yaml", text: trust_boundary_default2 },
  { path: "python/weak-hash.yaml", text: weak_hash_default3 },
  { path: "python/weak-random.yaml", text: weak_random_default3 },
  { path: "python/insecure-cookie.yaml", text: insecure_cookie_default3 },
  { path: "python/tls-verification.yaml", text: tls_verification_default2 },
  { path: "python/debug-mode.yaml", text: debug_mode_default2 },
  { path: "python/flask-csrf.yaml", text: flask_csrf_default },
  { path: "python/django-csrf.yaml", text: django_csrf_default },
  { path: "python/stored-xss.yaml", text: stored_xss_default3 }
];
var pattern = external_exports.string().min(1).describe("A dotted path pattern, or re:<regex>.");
var sourceSchema = external_exports.strictObject({
  pattern,
  kind: external_exports.string().regex(/^[a-z]+(?:\.[a-z-]+)*$/).describe("What input it is: http.query, http.body, http.params, http.headers, http.cookies, http.url, client.url."),
  label: external_exports.string().min(1).describe('How a code flow names it: "request parameter" (the field read is appended: request parameter `id`).'),
  callback: external_exports.number().int().min(0).optional().describe("A call source whose data is also handed to its callback argument (the last function given), as this parameter: db.all(sql, (err, rows) => \u2026) is 1.")
});
var sinkSchema = external_exports.strictObject({
  call: pattern.optional().describe("The callee: the call is the sink."),
  assign: pattern.optional().describe("An assignment target: ctx.body = x."),
  property: external_exports.string().optional().describe("An object literal key whose value is the sink: { $where: x }."),
  args: external_exports.array(external_exports.number().int().min(0)).default([0]).describe("The arguments that must not carry the taint (0-based). In call mode, [] makes the call itself the finding, whatever its arguments (hashlib.md5())."),
  receiver: external_exports.string().optional().describe("A regex the receiver (the segment before the method) must match: ^(db|pool)$."),
  when: external_exports.strictObject({ arg: external_exports.number().int().min(0), has: external_exports.string().optional(), lacks: external_exports.string().optional(), equals: external_exports.string().optional(), key: external_exports.string().optional(), falsy: external_exports.string().optional(), unset: external_exports.string().optional() }).refine((w) => w.key === void 0 || w.equals !== void 0, "`key` needs `equals`").optional().describe("Only when argument `arg` is an object literal with a truthy `has` key, is not one with a `lacks` key, is a string literal matching the regex `equals` (with `key`: the object literal's value at `key` is a literal, or an array holding one, matching `equals`), is an object literal whose `falsy` key is a false constant (Python keyword arguments: verify=False), or is absent or an object literal whose `unset` key is absent or a false constant (secure=False or left out). Keys may be dotted: cookie.secure."),
  near: external_exports.string().optional().describe("call mode: only when the line of the call, or the name of the function it is in, matches this regex (case-insensitive): what the value is for (token, password)."),
  unlessInside: external_exports.string().optional().describe("Not when the call is inside an `if` whose condition matches this regex (case-insensitive): NODE_ENV checks."),
  redact: external_exports.boolean().default(false).describe("call mode: the value is a secret; findings name its place, never its text."),
  value: external_exports.string().optional().describe("call mode, property and assign sinks: a constant given to the key or target that matches this regex (case-insensitive): rejectUnauthorized: false."),
  object: external_exports.boolean().default(false).describe("Only values that are still objects (not built into a string): operator injection."),
  string: external_exports.boolean().default(false).describe("Only values built into a string (concatenation, template literals, string methods): res.send(rows) sends JSON, res.send(`<p>${row.text}</p>`) HTML."),
  render: external_exports.union([external_exports.boolean(), external_exports.literal("attribute"), external_exports.literal("target")]).default(false).describe("A template render: argument 0 names the template, argument 1 is its data; the sink is the template printing a data key unescaped (EJS <%- %>). `args: [t, d]` names other positions for the template and its data. 'attribute': argument 0 is one key and argument 1 its value, for the templates the same file forwards to (`target`: request.getRequestDispatcher('/x.jsp')), else any of the scan with the extension in `templates`."),
  templates: external_exports.string().regex(/^\*\.[\w.]+$/).optional().describe("With render: attribute, the templates it reaches, by extension: '*.jsp'."),
  ignoreKeys: external_exports.array(external_exports.string()).default([]).describe("Taint under these top-level keys of the argument does not count ({ where: \u2026 } of an ORM)."),
  label: external_exports.string().min(1).describe('What the sink does, for messages: "SQL query".')
}).refine((s) => [s.call, s.assign, s.property].filter((x) => x !== void 0).length === 1, "a sink is exactly one of call, assign, property");
var CHECKS = {
  "allow-list": 'equal to a constant or one of a constant collection (x in ALLOWED, x == "a")',
  pattern: "fully matched by a regular expression of letters, digits, `_` and `-` only",
  "no-dot-dot": 'free of `..` (a check that rejects "../")',
  "no-quote": "free of quotes (a check that rejects `'`)",
  "quoted-literal": "one quoted string literal: starts and ends with the same quote and has none between",
  "contained-path": "a resolved path (realpath, abspath, Path.resolve) that starts with a base directory",
  "allowed-host": "a URL whose host (urlparse(x).netloc) is one of a constant collection"
};
var sanitizerSchema = external_exports.strictObject({
  call: pattern.optional().describe("Its result is clean for this class (escape functions, parseInt)."),
  type: external_exports.enum(["string", "number", "boolean"]).optional().describe('A type check on the value (typeof x === "string") cleans it where it holds.'),
  check: external_exports.enum(Object.keys(CHECKS)).optional().describe("A content check on the value (see CHECKS) cleans it where it holds."),
  lead: external_exports.string().optional().describe("A regex over the constant text the value was placed after ('' when none): the sanitizer holds only where it matches, such as a quoting context (escapeshellarg outside quotes)."),
  prefixed: external_exports.boolean().default(false).describe("A check that makes the value safe only once it is put after constant text (a `..` check: under a fixed folder, not alone or joined as a path).")
}).refine((s) => [s.call, s.type, s.check].filter((x) => x !== void 0).length === 1, "a sanitizer is exactly one of call, type, check").refine((s) => s.lead === void 0 || s.call !== void 0, "lead goes with a call sanitizer").refine((s) => !s.prefixed || s.check !== void 0, { message: "only a check can be prefixed", path: ["prefixed"] });
var propagatorSchema = external_exports.strictObject({
  call: pattern,
  from: external_exports.array(external_exports.union([external_exports.literal("receiver"), external_exports.literal("args"), external_exports.number().int().min(0)])).min(1).describe("Where data comes from: 'receiver', 'args' (all), or argument positions."),
  to: external_exports.enum(["return", "receiver"]).default("return")
});
var appSchema = external_exports.strictObject({
  uses: external_exports.array(pattern).default([]).describe("References that show the app keeps users logged in with cookies (express-session, flask.session): without one, the routes are not reported. Empty: every app."),
  protections: external_exports.array(pattern).default([]).describe("References that protect the whole app (csurf, flask_wtf): with one, nothing is reported."),
  creates: external_exports.array(pattern).default([]).describe("Calls that create the app (express, flask.Flask): the app's one finding for its unprotected routes is there, else at its first such route."),
  references: external_exports.array(external_exports.strictObject({ pattern, label: external_exports.string().min(1) })).default([]).describe("References that are each a finding where they appear (csrf_exempt)."),
  settings: external_exports.array(external_exports.strictObject({
    name: external_exports.string().min(1).describe("A top-level name assigned a list of strings: MIDDLEWARE."),
    lacks: external_exports.string().min(1).describe("A regex no item matches: the finding."),
    has: external_exports.string().optional().describe("A regex some item must match for the list to count (SessionMiddleware)."),
    label: external_exports.string().min(1)
  })).default([]).describe("Lists of settings that must hold an item (CsrfViewMiddleware in MIDDLEWARE).")
});
var snippet = external_exports.union([
  external_exports.string(),
  external_exports.strictObject({ code: external_exports.string(), file: external_exports.string().optional() }),
  external_exports.strictObject({ files: external_exports.array(external_exports.strictObject({ file: external_exports.string(), code: external_exports.string() })).min(1) })
]);
var ruleSchema = external_exports.strictObject({
  id: external_exports.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
  language: external_exports.string().min(1),
  class: external_exports.string().regex(/^[a-z][a-z0-9-]*$/).describe("Sanitizers clean a value for a class: every rule of the class shares them."),
  name: external_exports.string().min(1),
  message: external_exports.string().min(1).describe("The result message: {source} (what came in), {sink} (the call), {label} (what the sink does)."),
  description: external_exports.string().min(1),
  help: external_exports.string().min(1).describe("Remediation, markdown."),
  cwe: external_exports.array(external_exports.string().regex(/^CWE-\d+$/)).min(1),
  level: external_exports.enum(["error", "warning", "note"]),
  securitySeverity: external_exports.number().min(0).max(10),
  precision: external_exports.enum(["very-high", "high", "medium", "low"]),
  mode: external_exports.enum(["taint", "call", "guard", "route"]).default("taint").describe("taint: data from a source must reach the sink; call: any sink call whose argument is not a constant (a strong signal on its own); guard: a weak check (`guards`) on data that then reaches a sink of the `guarded` rules is the finding; route: an app-level check (`app`): its sinks are route registrations, reported when the app uses what `app.uses` names and nothing of `app.protections`."),
  sources: external_exports.array(external_exports.string()).default([]).describe("Source kinds (globs: http.*) from the language's models.yaml and this rule's own."),
  extraSources: external_exports.array(sourceSchema).default([]),
  sinks: external_exports.array(sinkSchema).default([]),
  guards: external_exports.array(external_exports.strictObject({ call: pattern, label: external_exports.string().min(1) })).default([]).describe("guard mode: calls on the value that only look like a check (url.includes(host))."),
  guarded: external_exports.array(external_exports.string()).default([]).describe("guard mode: the rules whose flows, when they pass such a check, are reported at the check."),
  sanitizers: external_exports.array(sanitizerSchema).default([]),
  propagators: external_exports.array(propagatorSchema).default([]),
  app: appSchema.optional().describe("route mode: what the app as a whole uses and how it is protected."),
  safePrefix: external_exports.string().optional().describe("A regex: taint placed after a constant prefix matching it is harmless (a fixed host in a URL)."),
  refines: external_exports.string().regex(/^[a-z][a-z0-9-]*$/).optional().describe("A class whose sanitizers this rule starts from: it reports only data they let through as clean, the harm they leave (escapeshellcmd stops other commands, not extra arguments)."),
  tests: external_exports.strictObject({ positive: external_exports.array(snippet).min(1), negative: external_exports.array(snippet).min(1) })
}).refine((r) => r.mode !== "taint" || r.sources.length > 0, { message: "a taint rule names at least one source kind", path: ["sources"] }).refine((r) => r.mode === "guard" || r.sinks.length > 0 || r.mode === "route" && ((r.app?.references.length ?? 0) > 0 || (r.app?.settings.length ?? 0) > 0), { message: "a taint, call or route rule names at least one sink", path: ["sinks"] }).refine((r) => r.mode !== "route" || r.app !== void 0, { message: "a route rule describes the app", path: ["app"] }).refine((r) => r.mode !== "route" || r.sinks.every((s) => s.call !== void 0), { message: "the sinks of a route rule are route registrations (call)", path: ["sinks"] }).refine((r) => r.mode !== "guard" || r.guards.length > 0 && r.guarded.length > 0, { message: "a guard rule names its guards and the rules it guards", path: ["guards"] });
var modelsFileSchema = external_exports.strictObject({
  language: external_exports.string().min(1),
  sources: external_exports.array(sourceSchema).min(1),
  sanitizers: external_exports.array(pattern).default([]).describe("Calls whose result is clean for every class: numeric conversions (parseInt, Number)."),
  propagators: external_exports.array(propagatorSchema).default([]).describe("Library calls known to pass data on (path.join): followed surely, not guessed.")
});
var RuleError = class extends Error {
  problems;
  constructor(problems) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems in rule files:
${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "RuleError";
    this.problems = problems;
  }
};
function issues(path, error) {
  return error.issues.map((issue) => `${path}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
}
function loadRules(files) {
  const out2 = { rules: [], models: [] };
  const problems = [];
  for (const file of files) {
    let data;
    try {
      data = (0, import_yaml.parse)(file.text);
    } catch (error) {
      problems.push(`${file.path}: not YAML: ${error.message.split("\n")[0]}`);
      continue;
    }
    const isSources = typeof data === "object" && data !== null && !("id" in data) && "sources" in data;
    const parsed = isSources ? modelsFileSchema.safeParse(data) : ruleSchema.safeParse(data);
    if (!parsed.success) problems.push(...issues(file.path, parsed.error));
    else if (isSources) out2.models.push(parsed.data);
    else out2.rules.push(parsed.data);
  }
  const seen = /* @__PURE__ */ new Set();
  for (const rule of out2.rules) {
    if (seen.has(rule.id)) problems.push(`rule ${rule.id}: defined twice`);
    seen.add(rule.id);
  }
  if (problems.length) throw new RuleError(problems);
  return out2;
}
async function readRuleFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(path, "utf8") })));
}
function matchFrom(pattern2, pi, path, si, whole, best) {
  if (pi === pattern2.length) return whole ? si === path.length ? si : best : Math.max(best, si);
  const segment = pattern2[pi];
  if (segment === "**") {
    let found = best;
    for (let k = si; k <= path.length; k++) found = Math.max(found, matchFrom(pattern2, pi + 1, path, k, whole, found));
    return found;
  }
  if (si >= path.length) return best;
  if (segment !== "*" && segment !== path[si]) return best;
  return matchFrom(pattern2, pi + 1, path, si + 1, whole, best);
}
function compilePattern(text2) {
  if (text2.startsWith("re:")) {
    const regex = new RegExp(text2.slice(3));
    return {
      text: text2,
      last: void 0,
      prefix: (path) => regex.test(path.join(".")) ? path.length : -1,
      matches: (path) => regex.test(path.join("."))
    };
  }
  const segments = text2.split(".");
  const last = segments.at(-1);
  const literals = segments.filter((s) => s !== "*" && s !== "**");
  const possible = (path) => literals.every((s) => path.includes(s));
  return {
    text: text2,
    last: last === "*" || last === "**" ? void 0 : last,
    prefix: (path) => possible(path) ? matchFrom(segments, 0, path, 0, false, -1) : -1,
    matches: (path) => possible(path) && matchFrom(segments, 0, path, 0, true, -1) === path.length
  };
}
var PatternIndex = class {
  byLast = /* @__PURE__ */ new Map();
  other = [];
  add(pattern2, value) {
    const key = pattern2.last;
    if (key === void 0) this.other.push({ pattern: pattern2, value });
    else {
      const list = this.byLast.get(key) ?? [];
      list.push({ pattern: pattern2, value });
      this.byLast.set(key, list);
    }
  }
  /** Every value whose pattern matches the whole path. */
  match(path) {
    const out2 = [];
    const last = path.at(-1);
    for (const entry2 of (last !== void 0 ? this.byLast.get(last) : void 0) ?? []) if (entry2.pattern.matches(path)) out2.push(entry2.value);
    for (const entry2 of this.other) if (entry2.pattern.matches(path)) out2.push(entry2.value);
    return out2;
  }
  get size() {
    return this.other.length + [...this.byLast.values()].reduce((n, list) => n + list.length, 0);
  }
};
function globToRegex(glob) {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}
function addSource(sources, { pattern: pattern2, kind, label, callback }) {
  const compiled2 = compilePattern(pattern2);
  const first = pattern2.startsWith("re:") || pattern2.startsWith("*") ? "" : pattern2.split(".")[0];
  const list = sources.get(first) ?? [];
  list.push({ pattern: compiled2, kind, label, callback, callOnly: pattern2.startsWith("re:") && pattern2.endsWith("\\(\\)$") });
  sources.set(first, list);
}
function contextClass(call3) {
  return `call ${call3}`;
}
function classBits(rules) {
  const bits = /* @__PURE__ */ new Map();
  const add = (name3, at) => {
    if (bits.has(name3)) return;
    if (bits.size >= 32) throw new Error(`more than 32 rule classes and sanitizer contexts (at ${at}): sanitizer bits would overflow`);
    bits.set(name3, 1 << bits.size);
  };
  for (const rule of rules) {
    add(rule.class, rule.id);
    for (const s of rule.sanitizers) if (s.lead !== void 0) add(contextClass(s.call), rule.id);
  }
  return bits;
}
function cleanFor(rule, clean, lead) {
  if ((clean & rule.bit) !== 0) return true;
  return rule.contextual.some((c) => (clean & c.bit) !== 0 && c.lead.test(lead ?? ""));
}
function compileSink(rule, spec, index, into) {
  const sink = {
    key: `${rule.spec.id}#${index}`,
    rule,
    spec,
    receiver: spec.receiver ? new RegExp(spec.receiver) : void 0,
    equals: spec.when?.equals ? new RegExp(spec.when.equals, "i") : void 0,
    near: spec.near ? new RegExp(spec.near, "i") : void 0,
    unlessInside: spec.unlessInside ? new RegExp(spec.unlessInside, "i") : void 0,
    value: spec.value ? new RegExp(spec.value, "i") : void 0,
    ignoreKeys: new Set(spec.ignoreKeys)
  };
  into.sinksByKey.set(sink.key, sink);
  if (spec.call) into.callSinks.add(compilePattern(spec.call), sink);
  else if (spec.assign) into.assignSinks.add(compilePattern(spec.assign), sink);
  else if (spec.property) into.propertySinks.set(spec.property, [...into.propertySinks.get(spec.property) ?? [], sink]);
}
function compileRules(language, rules, models, bits) {
  const out2 = {
    language,
    rules: [],
    sources: /* @__PURE__ */ new Map(),
    callSinks: new PatternIndex(),
    assignSinks: new PatternIndex(),
    propertySinks: /* @__PURE__ */ new Map(),
    sanitizers: new PatternIndex(),
    typeSanitizers: /* @__PURE__ */ new Map(),
    prefixedChecks: /* @__PURE__ */ new Map(),
    propagators: new PatternIndex(),
    guards: new PatternIndex(),
    guardedBy: /* @__PURE__ */ new Map(),
    sinksByKey: /* @__PURE__ */ new Map(),
    universal: new PatternIndex(),
    allClasses: 0
  };
  for (const file of models) {
    if (file.language !== language) continue;
    for (const s of file.sources) addSource(out2.sources, s);
    for (const p of file.sanitizers) out2.universal.add(compilePattern(p), true);
    for (const p of file.propagators) out2.propagators.add(compilePattern(p.call), p);
  }
  for (const spec of rules) {
    if (spec.language !== language || spec.mode === "route") continue;
    const bit = bits.get(spec.class);
    const kinds = [...spec.sources, ...spec.extraSources.map((s) => s.kind)].map(globToRegex);
    const contextual = spec.sanitizers.filter((s) => s.lead !== void 0).map((s) => ({ bit: bits.get(contextClass(s.call)), lead: new RegExp(s.lead) }));
    const rule = { spec, bit, acceptsKind: (kind) => kinds.some((k) => k.test(kind)), safePrefix: spec.safePrefix ? new RegExp(spec.safePrefix, "i") : void 0, contextual, refines: [] };
    out2.rules.push(rule);
    out2.allClasses |= bit;
    for (const c of contextual) out2.allClasses |= c.bit;
    for (const s of spec.extraSources) addSource(out2.sources, s);
    spec.sinks.forEach((sink, index) => compileSink(rule, sink, index, out2));
    for (const sanitizer of spec.sanitizers) {
      if (sanitizer.call) out2.sanitizers.add(compilePattern(sanitizer.call), sanitizer.lead === void 0 ? bit : bits.get(contextClass(sanitizer.call)));
      const test = sanitizer.type ?? sanitizer.check;
      const into = sanitizer.prefixed ? out2.prefixedChecks : out2.typeSanitizers;
      if (test) into.set(test, (into.get(test) ?? 0) | bit);
    }
    for (const propagator of spec.propagators) out2.propagators.add(compilePattern(propagator.call), propagator);
    for (const guard2 of spec.guards) out2.guards.add(compilePattern(guard2.call), { rule, label: guard2.label });
    for (const id of spec.guarded) out2.guardedBy.set(id, [...out2.guardedBy.get(id) ?? [], rule]);
  }
  for (const rule of out2.rules) if (rule.spec.refines) rule.refines = out2.rules.filter((r) => r.spec.class === rule.spec.refines);
  return out2;
}
function matchSource(rules, path) {
  let best;
  for (const list of [rules.sources.get(path[0] ?? ""), rules.sources.get("")]) {
    for (const source of list ?? []) {
      if (source.callOnly && !path.at(-1)?.endsWith("()")) continue;
      const length = source.pattern.prefix(path);
      if (length > 0 && (!best || length > best.length)) best = { source, length };
    }
  }
  return best;
}
function ruleSetOf(options) {
  const builtin = loadRules(BUILTIN_RULE_FILES);
  const extra = loadRules(options.rules ?? []);
  const byId = new Map(builtin.rules.map((r) => [r.id, r]));
  for (const rule of extra.rules) byId.set(rule.id, rule);
  const known = new Set(byId.keys());
  const unknown = (options.disable ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new RuleError(unknown.map((id) => `sast.disable: no rule "${id}"`));
  for (const id of options.disable ?? []) byId.delete(id);
  return { rules: [...byId.values()], models: [...builtin.models, ...extra.models] };
}
function compileRuleSet(set) {
  const languages = new Set(set.rules.map((r) => r.language));
  return new Map([...languages].map((language) => {
    const rules = set.rules.filter((r) => r.language === language);
    return [language, compileRules(language, rules, set.models, classBits(rules))];
  }));
}
async function readGrammar(file) {
  try {
    return await readFile2(file);
  } catch (error) {
    throw new GrammarError(`a grammar is missing or unreadable: ${file}`, file, { cause: error });
  }
}
var LANGUAGES = /* @__PURE__ */ new Map();
var runtime;
var Parsers = class {
  /**
   * @param modules grammars compiled once by the main thread and handed to workers: a thread then instantiates
   * them instead of compiling 1 MB of wasm again (V8 shares the compiled code between threads).
   */
  constructor(dir = grammarsDir(), modules) {
    this.modules = modules;
    this.dir = dir;
  }
  modules;
  dir;
  parsers = /* @__PURE__ */ new Map();
  runtime() {
    const file = join2(this.dir, "web-tree-sitter.wasm");
    if (!existsSync(file)) return Promise.reject(new GrammarError(`the tree-sitter runtime is missing: ${file}`, file));
    runtime ??= Parser.init({ locateFile: (name3) => join2(this.dir, name3.endsWith(".wasm") ? "web-tree-sitter.wasm" : name3) });
    return runtime;
  }
  language(grammar) {
    const file = join2(this.dir, grammar);
    let language = LANGUAGES.get(file);
    if (!language) {
      const compiled2 = this.modules?.get(grammar);
      language = this.runtime().then(async () => compiled2 ? Language.loadSync(compiled2) : Language.load(new Uint8Array(await readGrammar(file))));
      language.catch(() => LANGUAGES.delete(file));
      LANGUAGES.set(file, language);
    }
    return language;
  }
  parser(grammar) {
    let parser = this.parsers.get(grammar);
    if (!parser) {
      parser = this.language(grammar).then((language) => {
        const made = new Parser();
        made.setLanguage(language);
        return made;
      });
      parser.catch(() => this.parsers.delete(grammar));
      this.parsers.set(grammar, parser);
    }
    return parser;
  }
  /** Parses and copies the tree out of wasm memory, then frees it: the copy is what the run keeps. */
  async parse(grammar, text2) {
    const parser = await this.parser(grammar);
    const tree = parser.parse(text2);
    if (!tree) throw new Error(`tree-sitter returned no tree (${grammar})`);
    try {
      return copyTree(tree);
    } finally {
      tree.delete();
    }
  }
  /** The grammars compiled, for workers (see the constructor). */
  static async compile(dir, grammars) {
    const out2 = /* @__PURE__ */ new Map();
    const wasm = globalThis.WebAssembly;
    for (const grammar of new Set(grammars)) out2.set(grammar, await wasm.compile(await readGrammar(join2(dir, grammar))));
    return out2;
  }
  dispose() {
    for (const parser of this.parsers.values()) parser.then((p) => p.delete(), () => void 0);
    this.parsers.clear();
  }
};
var isFalse = (e) => e !== void 0 && e.kind === "literal" && !e.value;
function entryAt(object3, key) {
  const [first, ...rest] = key.split(".");
  const entry2 = object3.entries.find((e) => e.key === first);
  if (!entry2) return { missing: !object3.entries.some((e) => e.spread) };
  if (!rest.length) return { found: entry2.value, missing: false };
  if (entry2.value.kind !== "object") return { missing: false };
  return entryAt(entry2.value, rest.join("."));
}
function literalMatches(expr, pattern2) {
  if (!expr) return false;
  if (expr.kind === "literal") return (typeof expr.value === "string" || typeof expr.value === "boolean" || typeof expr.value === "number") && pattern2.test(String(expr.value));
  if (expr.kind === "array") return expr.items.some((item) => literalMatches(item, pattern2));
  return false;
}
function conditionHolds(sink, args22) {
  const when = sink.spec.when;
  if (!when) return true;
  const arg = args22[when.arg];
  if (when.lacks !== void 0) return arg !== void 0 && (arg.kind !== "object" || entryAt(arg, when.lacks).found === void 0);
  if (when.falsy !== void 0) return arg?.kind === "object" && isFalse(entryAt(arg, when.falsy).found);
  if (when.unset !== void 0) {
    if (arg === void 0) return true;
    if (arg.kind !== "object") return false;
    const at = entryAt(arg, when.unset);
    return at.found === void 0 ? at.missing : isFalse(at.found);
  }
  if (!arg) return false;
  if (when.has !== void 0) {
    if (arg.kind !== "object") return false;
    const found = entryAt(arg, when.has).found;
    return found !== void 0 && !isFalse(found);
  }
  if (when.key !== void 0) return arg.kind === "object" && sink.equals !== void 0 && literalMatches(entryAt(arg, when.key).found, sink.equals);
  if (sink.equals) return arg.kind === "literal" && (typeof arg.value === "string" || typeof arg.value === "boolean") && sink.equals.test(String(arg.value));
  return true;
}
var ifsOf = /* @__PURE__ */ new WeakMap();
function collectIfs(stmts, text2, out2) {
  for (const stmt of stmts) {
    switch (stmt.kind) {
      case "if":
        out2.push({ span: stmt.span, test: text2.slice(stmt.test.span.start, stmt.test.span.end) });
        collectIfs(stmt.then, text2, out2);
        collectIfs(stmt.else, text2, out2);
        break;
      case "loop":
        collectIfs([...stmt.head, ...stmt.body], text2, out2);
        break;
      case "try":
        collectIfs([...stmt.body, ...stmt.handler, ...stmt.finalizer], text2, out2);
        break;
      case "branches":
        for (const arm of stmt.arms) collectIfs(arm, text2, out2);
        break;
      default:
        break;
    }
  }
}
function enclosingIfs(state, span) {
  let ifs = ifsOf.get(state.module);
  if (!ifs) {
    ifs = [];
    collectIfs(state.module.body, state.src.text, ifs);
    for (const fn of state.module.functions) collectIfs(fn.body, state.src.text, ifs);
    ifsOf.set(state.module, ifs);
  }
  return ifs.filter((i2) => i2.span.start <= span.start && span.end <= i2.span.end).map((i2) => i2.test);
}
function linesOf(text2, span) {
  const start2 = text2.lastIndexOf("\n", span.start - 1) + 1;
  const end = text2.indexOf("\n", span.end);
  return text2.slice(start2, end < 0 ? text2.length : end);
}
function contextHolds(state, frame, sink, span) {
  if (sink.near && !sink.near.test(linesOf(state.src.text, span)) && !(frame.fn?.name !== void 0 && sink.near.test(frame.fn.name))) return false;
  if (sink.unlessInside && enclosingIfs(state, span).some((test) => sink.unlessInside.test(test))) return false;
  return true;
}
function constantMatches(sink, expr) {
  return sink.value !== void 0 && expr.kind === "literal" && expr.value !== null && sink.value.test(String(expr.value));
}
var compiled = /* @__PURE__ */ new WeakMap();
function compileRouteRule(spec) {
  let rule = compiled.get(spec);
  if (!rule) {
    const app = spec.app;
    const texts = [...app.uses, ...app.protections, ...app.references.map((r) => r.pattern)];
    const firsts = texts.some((t) => t.startsWith("re:") || t.startsWith("*")) ? void 0 : new Set(texts.map((t) => t.split(".")[0]));
    rule = {
      spec,
      uses: app.uses.map(compilePattern),
      protections: app.protections.map(compilePattern),
      creates: app.creates.map(compilePattern),
      references: app.references.map((r) => ({ pattern: compilePattern(r.pattern), label: r.label })),
      firsts,
      sinks: spec.sinks.map((s) => ({ spec: s, pattern: compilePattern(s.call), equals: s.when?.equals ? new RegExp(s.when.equals, "i") : void 0 }))
    };
    compiled.set(spec, rule);
  }
  return rule;
}
function walk(module2, onExpr, onStmt) {
  const expr = (e) => {
    if (!e) return;
    onExpr(e);
    switch (e.kind) {
      case "member":
        expr(e.object);
        expr(e.index);
        break;
      case "call":
        expr(e.callee);
        e.args.forEach(expr);
        break;
      case "concat":
      case "union":
      case "opaque":
        e.parts.forEach(expr);
        break;
      case "cond":
        expr(e.test);
        expr(e.then);
        expr(e.else);
        break;
      case "is-type":
        expr(e.subject);
        break;
      case "object":
        e.entries.forEach((x) => expr(x.value));
        break;
      case "array":
        e.items.forEach(expr);
        break;
      case "assign":
        pattern2(e.target);
        expr(e.value);
        break;
      default:
        break;
    }
  };
  const pattern2 = (p) => {
    if (p?.kind === "member") expr({ kind: "member", span: p.span, object: p.object, property: p.property });
  };
  const stmts = (list) => {
    for (const s of list) {
      onStmt(s);
      switch (s.kind) {
        case "expr":
          expr(s.expr);
          break;
        case "assign":
          pattern2(s.target);
          expr(s.value);
          expr(s.fallback);
          break;
        case "if":
          expr(s.test);
          stmts(s.then);
          stmts(s.else);
          break;
        case "loop":
          stmts(s.head);
          expr(s.test);
          if (s.each) expr(s.each.iterable);
          stmts(s.body);
          break;
        case "return":
        case "throw":
          expr(s.value);
          break;
        case "try":
          stmts(s.body);
          stmts(s.handler);
          stmts(s.finalizer);
          break;
        case "branches":
          expr(s.test);
          s.arms.forEach(stmts);
          break;
        case "class":
          s.fields.forEach((f) => expr(f.value));
          break;
        default:
          break;
      }
    }
  };
  stmts(module2.body);
  for (const fn of module2.functions) stmts(fn.body);
}
var Resolver = class {
  constructor(module2, adapter, files) {
    this.module = module2;
    this.adapter = adapter;
    this.files = files;
    for (const imp of module2.imports) {
      const ref = this.moduleRef(imp.module);
      this.bound.set(imp.local, imp.imported === "*" || imp.imported === "default" && !ref[0]?.startsWith("<") ? ref : [...ref, imp.imported]);
    }
  }
  module;
  adapter;
  files;
  bound = /* @__PURE__ */ new Map();
  bind(name3, value) {
    if (!this.bound.has(name3)) this.bound.set(name3, value);
  }
  moduleRef(spec) {
    const target = this.adapter.resolveModule(spec, this.module.file, this.files);
    return "file" in target ? [`<${target.file}>`] : target.package;
  }
  /** The dotted path an expression names, resolved; `depth` stops cycles (a = b; b = a). */
  path(e, resolve2 = true, depth = 0) {
    switch (e.kind) {
      case "name": {
        const bound = resolve2 && depth < 8 ? this.bound.get(e.name) : void 0;
        if (Array.isArray(bound)) return bound;
        return (bound && this.path(bound, resolve2, depth + 1)) ?? [e.name];
      }
      case "member": {
        const base2 = this.path(e.object, resolve2, depth);
        return base2 ? [...base2, e.property ?? "*"] : void 0;
      }
      case "call": {
        const base2 = this.path(e.callee, resolve2, depth);
        return base2?.length ? [...base2.slice(0, -1), `${base2.at(-1)}()`] : void 0;
      }
      case "module":
        return this.moduleRef(e.module);
      case "union":
        return e.parts.length ? this.path(e.parts[0], resolve2, depth) : void 0;
      default:
        return void 0;
    }
  }
};
function textOf(src, span) {
  return src.text.slice(span.start, span.end).replace(/\s+/g, " ").trim();
}
function routeName(call3, callee, src) {
  const text2 = textOf(src, call3.span);
  const first = call3.args[0];
  const listed = /\bmethods?\s*[:=]\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/.exec(text2)?.[1]?.match(/\b(?:POST|PUT|PATCH|DELETE)\b/gi);
  const method = listed ? listed.map((m) => m.toUpperCase()).join("/") : (/\.(\w+)$/.exec(callee)?.[1] ?? callee).toUpperCase();
  const chained = call3.callee.kind === "member" && call3.callee.object.kind === "call" ? call3.callee.object.args[0] : void 0;
  const literal5 = [first, chained].find((a) => a && (a.kind === "literal" || a.kind === "concat"));
  const path = literal5 ? textOf(src, literal5.span) : /\bpath\s*:\s*('[^']*'|"[^"]*"|`[^`]*`)/.exec(text2)?.[1];
  return `\`${method}${path ? ` ${path}` : ""}\``;
}
function settingsOf(rule, stmt, file, src, out2) {
  if (stmt.kind !== "assign" || stmt.target.kind !== "name" || stmt.value?.kind !== "array") return;
  for (const setting of rule.spec.app.settings) {
    if (setting.name !== stmt.target.name) continue;
    const items = stmt.value.items.flatMap((i2) => i2.kind === "literal" && typeof i2.value === "string" ? [i2.value] : []);
    if (setting.has !== void 0 && !items.some((i2) => new RegExp(setting.has).test(i2))) continue;
    if (items.some((i2) => new RegExp(setting.lacks).test(i2))) continue;
    out2.push({ file, span: stmt.target.span, text: setting.name, callee: setting.name, label: setting.label, what: `the \`${setting.name}\` list`, name: `\`${setting.name}\``, always: true });
  }
}
function collectRouteFacts(module2, src, adapter, files, specs) {
  if (!specs.length) return [];
  const rules = specs.map(compileRouteRule);
  const resolver = new Resolver(module2, adapter, files);
  walk(module2, (e) => {
    if (e.kind === "assign" && e.target.kind === "name") resolver.bind(e.target.name, e.value);
  }, (s) => {
    if (s.kind === "assign" && s.target.kind === "name" && s.value) resolver.bind(s.target.name, s.value);
  });
  const facts = rules.map((rule) => ({ rule: rule.spec.id, candidates: [] }));
  const place = (span) => ({ file: module2.file, span, text: textOf(src, span) });
  const see = (path, span, imported = false) => {
    rules.forEach((rule, i2) => {
      const fact = facts[i2];
      if (rule.firsts && !rule.firsts.has(path[0])) return;
      if (!imported && !fact.uses && rule.uses.some((p) => p.prefix(path) > 0)) fact.uses = place(span);
      if (!fact.protection && rule.protections.some((p) => p.prefix(path) > 0)) fact.protection = place(span);
      if (imported) return;
      for (const ref of rule.references) {
        if (ref.pattern.matches(path)) fact.candidates.push({ ...place(span), callee: path.join("."), label: ref.label, what: `\`${textOf(src, span)}\``, name: `\`${textOf(src, span)}\``, always: true });
      }
    });
  };
  const appCreated = (call3) => {
    let path = null;
    rules.forEach((rule, i2) => {
      if (facts[i2].created || !rule.creates.length) return;
      if (path === null) path = resolver.path(call3.callee);
      if (path && rule.creates.some((p) => p.matches(path))) facts[i2].created = place(call3.span);
    });
  };
  const span0 = module2.body[0]?.span ?? { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
  for (const imp of module2.imports) see([...resolver.moduleRef(imp.module), ...imp.imported === "*" || imp.imported === "default" ? [] : [imp.imported]], span0, true);
  walk(module2, (e) => {
    if (e.kind === "name" || e.kind === "member" || e.kind === "module") {
      const path = resolver.path(e);
      if (path) see(path, e.span);
    }
    if (e.kind !== "call") return;
    appCreated(e);
    const written = resolver.path(e.callee, false);
    if (!written) return;
    rules.forEach((rule, i2) => {
      for (const sink of rule.sinks) {
        if (!sink.pattern.matches(written) || !conditionHolds({ spec: sink.spec, equals: sink.equals }, e.args)) continue;
        const callee = textOf(src, e.callee.span);
        const name3 = routeName(e, callee, src);
        const what = `the route ${name3}`;
        const first = e.args[0];
        const head = first && (first.kind === "literal" || first.kind === "concat") ? first.span : e.callee.span;
        const span = { ...e.span, end: head.end, endLine: head.endLine, endColumn: head.endColumn };
        facts[i2].candidates.push({ file: module2.file, span, text: what, callee, label: sink.spec.label, what, name: name3, always: false });
        break;
      }
    });
  }, (s) => rules.forEach((rule, i2) => settingsOf(rule, s, module2.file, src, facts[i2].candidates)));
  return facts.filter((f) => f.uses || f.protection || f.created || f.candidates.length);
}
var CLEAN = Object.freeze([]);
var MAX_FACTS = 6;
var MAX_TRAIL = 40;
function paramFact(index) {
  return { origin: { type: "param", id: `p${index}`, index }, trail: void 0, clean: 0, str: false, lead: void 0, key: void 0, weak: false };
}
function sourceFact(origin) {
  return { origin, trail: void 0, clean: 0, str: false, lead: void 0, key: void 0, weak: false };
}
function addStep(trail, step) {
  if (trail && trail.length >= MAX_TRAIL) return trail;
  return { step, prev: trail, length: (trail?.length ?? 0) + 1 };
}
function stepsOf(trail) {
  const out2 = [];
  for (let t = trail; t; t = t.prev) out2.push(t.step);
  return out2.reverse();
}
function joinTrails(outer, inner) {
  let out2 = outer;
  for (const step of stepsOf(inner)) out2 = addStep(out2, step);
  return out2;
}
function withStep(taint, step) {
  if (!taint.length) return taint;
  return taint.map((fact) => ({ ...fact, trail: addStep(fact.trail, step) }));
}
function mapTaint(taint, fn) {
  if (!taint.length) return taint;
  const out2 = [];
  for (const fact of taint) {
    const mapped = fn(fact);
    if (mapped) out2.push(mapped);
  }
  return out2;
}
function sameFlow(a, b) {
  return a.origin.id === b.origin.id && a.clean === b.clean && a.str === b.str && (a.cleanAfterPrefix ?? 0) === (b.cleanAfterPrefix ?? 0);
}
function union(...taints) {
  let out2;
  let first;
  for (const taint of taints) {
    if (!taint.length) continue;
    if (!first) {
      first = taint;
      continue;
    }
    out2 ??= [...first];
    for (const fact of taint) if (out2.length < MAX_FACTS && !out2.some((f) => sameFlow(f, fact))) out2.push(fact);
  }
  return out2 ?? first ?? CLEAN;
}
function admits(rule, sink, fact) {
  if (fact.origin.type === "source" && !rule.acceptsKind(fact.origin.kind)) return false;
  if (cleanFor(rule, fact.clean, fact.lead)) return false;
  if (rule.spec.refines !== void 0 && !rule.refines.some((r) => cleanFor(r, fact.clean, fact.lead))) return false;
  if (sink.spec.object && fact.str) return false;
  if (sink.spec.string && !fact.str) return false;
  if (fact.key !== void 0 && sink.ignoreKeys.has(fact.key)) return false;
  if (rule.safePrefix && fact.lead !== void 0 && rule.safePrefix.test(fact.lead)) return false;
  return true;
}
function reachSink(state, frame, sink, fact, site) {
  if (!admits(sink.rule, sink, fact)) return;
  const trail = addStep(fact.trail, { file: site.file, span: site.span, message: `passed to \`${site.callee}\` (${site.label})` });
  if (fact.origin.type === "source") {
    state.findings.push({ ruleId: sink.rule.spec.id, file: site.file, sink: site, origin: fact.origin, trail, weak: fact.weak });
  } else if (frame.fn) {
    frame.sinks.push({ param: fact.origin.index, sink: sink.key, fact, site });
  }
}
function text(state, span) {
  return state.src.text.slice(span.start, span.end).replace(/\s+/g, " ").trim();
}
function isConstant(expr) {
  if (expr.kind === "literal") return true;
  if (expr.kind === "concat" || expr.kind === "union") return expr.parts.every(isConstant);
  if (expr.kind === "cond") return isConstant(expr.then) && isConstant(expr.else);
  return false;
}
function reportCall(state, sink, arg, callee) {
  const site = { file: state.module.file, span: arg.span, callee, label: sink.spec.label };
  const shown = sink.spec.redact ? `the argument of \`${callee}\` (not shown: it holds a secret)` : `\`${text(state, arg.span)}\``;
  const origin = { type: "source", id: `c${arg.span.start}`, kind: "code", label: shown, file: state.module.file, span: arg.span, text: sink.spec.redact ? callee : text(state, arg.span) };
  state.findings.push({ ruleId: sink.rule.spec.id, file: site.file, sink: site, origin, trail: addStep(void 0, { file: site.file, span: site.span, message: `passed to \`${callee}\` (${site.label})` }), weak: false });
}
function renderSink(state, sink, call3, args22) {
  const [at, dataAt] = sink.spec.args.length === 2 ? sink.spec.args : [0, 1];
  const name3 = call3.args[at];
  const value = args22[dataAt];
  if (name3?.kind !== "literal" || typeof name3.value !== "string") return;
  const site = { file: state.module.file, span: call3.args[dataAt]?.span ?? call3.span, callee: text(state, call3.callee.span), label: sink.spec.label };
  if (sink.spec.render === "target") {
    state.renders.push({ sink: sink.key, template: name3.value, key: "", fact: void 0, site });
    return;
  }
  if (!value?.taint.length) return;
  const attribute2 = sink.spec.render === "attribute";
  for (const fact of value.taint) {
    const key = attribute2 ? name3.value : fact.key;
    if (fact.origin.type !== "source" || key === void 0 || !admits(sink.rule, sink, { ...fact, key: void 0 })) continue;
    state.renders.push({ sink: sink.key, template: attribute2 ? sink.spec.templates ?? "*" : name3.value, key, fact: { ...fact, key }, site });
  }
}
function receiverOf(path) {
  return path.at(-2)?.replace(/\(\)$/, "");
}
function checkCallSinks(state, frame, path, call3, args22) {
  const sinks = state.rules.callSinks.match(path);
  if (!sinks.length) return false;
  const receiver = receiverOf(path);
  let matched = false;
  for (const sink of sinks) {
    if (sink.receiver && (receiver === void 0 || !sink.receiver.test(receiver))) continue;
    if (!conditionHolds(sink, call3.args)) continue;
    if (!contextHolds(state, frame, sink, call3.span)) continue;
    matched = true;
    if (sink.rule.spec.mode === "call" && (sink.spec.when !== void 0 || !sink.spec.args.length)) {
      reportCall(state, sink, call3.args[sink.spec.when?.arg ?? 0] ?? call3, text(state, call3.callee.span));
      continue;
    }
    if (sink.spec.render) {
      renderSink(state, sink, call3, args22);
      continue;
    }
    if (sink.rule.spec.mode === "call" && sink.spec.args.length === 0) {
      reportCall(state, sink, call3, text(state, call3.callee.span));
      continue;
    }
    for (const index of sink.spec.args) {
      const value = args22[index];
      const arg = call3.args[index];
      if (arg && sink.rule.spec.mode === "call") {
        if (!isConstant(arg)) reportCall(state, sink, arg, text(state, call3.callee.span));
        continue;
      }
      if (!value?.taint.length || !arg) continue;
      const site = { file: state.module.file, span: arg.span, callee: text(state, call3.callee.span), label: sink.spec.label };
      for (const fact of value.taint) reachSink(state, frame, sink, fact, site);
    }
  }
  return matched;
}
function checkAssignSinks(state, frame, path, value, span) {
  if (!value.taint.length) return;
  for (const sink of state.rules.assignSinks.match(path)) {
    const site = { file: state.module.file, span, callee: text(state, span), label: sink.spec.label };
    for (const fact of value.taint) reachSink(state, frame, sink, fact, site);
  }
}
function checkPropertySinks(state, frame, key, value, span) {
  const sinks = state.rules.propertySinks.get(key);
  if (!sinks) return;
  for (const sink of sinks) {
    const site = { file: state.module.file, span, callee: key, label: sink.spec.label };
    for (const fact of value.taint) reachSink(state, frame, sink, fact, site);
  }
}
function checkPropertyConstant(state, frame, key, value) {
  for (const sink of state.rules.propertySinks.get(key) ?? []) {
    if (sink.rule.spec.mode === "call" && constantMatches(sink, value) && contextHolds(state, frame, sink, value.span)) reportCall(state, sink, value, key);
  }
}
function checkAssignConstant(state, frame, path, value) {
  if (!path || value.kind !== "literal") return;
  for (const sink of state.rules.assignSinks.match(path)) {
    if (sink.rule.spec.mode === "call" && constantMatches(sink, value) && contextHolds(state, frame, sink, value.span)) reportCall(state, sink, value, path.join("."));
  }
}
var NOTHING = Object.freeze({ taint: CLEAN });
var Scope = class _Scope {
  constructor(parent, vars = /* @__PURE__ */ new Map()) {
    this.parent = parent;
    this.vars = vars;
  }
  parent;
  vars;
  dead = false;
  get(key) {
    for (let scope = this; scope; scope = scope.parent) {
      const value = scope.vars.get(key);
      if (value !== void 0) return value;
    }
    return void 0;
  }
  /** Only this function's own bindings: writes never reach an enclosing function's. */
  getOwn(key) {
    return this.vars.get(key);
  }
  set(key, value) {
    this.vars.set(key, value);
  }
  /** A new value for `name`: what was known about its fields no longer holds. */
  rebind(name3, value) {
    const prefix = `${name3}.`;
    for (const key of this.vars.keys()) if (key.startsWith(prefix)) this.vars.delete(key);
    this.vars.set(name3, value);
  }
  fork() {
    return new _Scope(this.parent, new Map(this.vars));
  }
  /** Both branches may have run: a name holds what either left in it. A path set in one branch only is dropped (it falls back to its object). */
  static join(a, b) {
    if (a.dead) return b;
    if (b.dead) return a;
    const vars = /* @__PURE__ */ new Map();
    for (const [key, left] of a.vars) {
      const right = b.vars.get(key);
      if (right === void 0) {
        if (!key.includes(".")) vars.set(key, left);
        continue;
      }
      vars.set(key, left === right ? left : joinValues(left, right));
    }
    for (const [key, right] of b.vars) if (!a.vars.has(key) && !key.includes(".")) vars.set(key, right);
    return new _Scope(a.parent, vars);
  }
  /** Copies another scope's bindings into this one (the state after a branch becomes the current state). */
  adopt(other) {
    this.vars.clear();
    for (const [key, value] of other.vars) this.vars.set(key, value);
    this.dead = other.dead;
  }
};
function joinValues(a, b) {
  return { taint: union(a.taint, b.taint), ref: a.ref ?? b.ref, fn: a.fn ?? b.fn, closure: a.closure ?? b.closure };
}
function bindName(state, frame, name3, value, pattern2, built) {
  const taint = built || !value.taint.length ? value.taint : withStep(value.taint, { file: state.module.file, span: pattern2.span, message: `assigned to \`${name3}\`` });
  frame.scope.rebind(name3, taint === value.taint ? value : { ...value, taint });
}
function bindMember(state, frame, pattern2, value) {
  const expr = { kind: "member", span: pattern2.span, object: pattern2.object, property: pattern2.property };
  const path = pathOf(state, frame, expr);
  if (path) checkAssignSinks(state, frame, path, value, pattern2.span);
  const key = keyOf(expr);
  if (key === void 0) {
    evaluate(state, frame, pattern2.object);
    return;
  }
  const stepped = value.taint.length ? { ...value, taint: withStep(value.taint, { file: state.module.file, span: pattern2.span, message: `stored in \`${key}\`` }) } : value;
  frame.scope.rebind(key, stepped);
  const baseKey = keyOf(pattern2.object);
  if (baseKey === void 0 || !value.taint.length) return;
  const base2 = frame.scope.get(baseKey);
  frame.scope.set(baseKey, base2 ? joinValues(base2, { taint: stepped.taint }) : { taint: stepped.taint });
}
function bindPattern(state, frame, pattern2, value, built = false) {
  switch (pattern2.kind) {
    case "name":
      return bindName(state, frame, pattern2.name, value, pattern2, built);
    case "member":
      return bindMember(state, frame, pattern2, value);
    case "object": {
      for (const prop of pattern2.props) {
        let sub = memberValue(state, value, prop.key, prop.value.span);
        if (prop.fallback) sub = { ...sub, taint: union(sub.taint, evaluate(state, frame, prop.fallback).taint) };
        bindPattern(state, frame, prop.value, sub);
      }
      if (pattern2.rest) bindPattern(state, frame, pattern2.rest, { taint: value.taint });
      return;
    }
    case "array": {
      const element = { taint: mapTaint(value.taint, (f) => f.key === void 0 ? f : { ...f, key: void 0 }) };
      for (const item of pattern2.items) if (item) bindPattern(state, frame, item, element);
      if (pattern2.rest) bindPattern(state, frame, pattern2.rest, element);
      return;
    }
    case "none":
      return;
  }
}
function hoist(frame, stmts) {
  for (const stmt of stmts) if (stmt.kind === "function" && stmt.fn.name) frame.scope.set(stmt.fn.name, { taint: CLEAN, fn: stmt.fn, closure: frame.scope });
}
function inFork(state, frame, stmts, scope = frame.scope.fork()) {
  const saved = frame.scope;
  frame.scope = scope;
  try {
    execute(state, frame, stmts);
    return frame.scope;
  } finally {
    frame.scope = saved;
  }
}
function guardMask(state, test) {
  const afterPrefix = state.rules.prefixedChecks.get(test.type) ?? 0;
  if (test.type !== "prefix") return { now: state.rules.typeSanitizers.get(test.type) ?? 0, afterPrefix };
  const value = test.value;
  return { now: value === void 0 ? 0 : state.rules.rules.reduce((mask2, rule) => rule.safePrefix?.test(value) ? mask2 | rule.bit : mask2, 0), afterPrefix };
}
function guard(state, frame, test, scope, holds) {
  if (test.kind === "union" && test.logic) {
    if (test.logic === "and" === holds) for (const part of test.parts) guard(state, frame, part, scope, holds);
    return;
  }
  if (test.kind !== "is-type" || test.negated === holds) return;
  const { now: mask2, afterPrefix } = guardMask(state, test);
  const key = keyOf(test.subject);
  if (!mask2 && !afterPrefix || key === void 0) return;
  const saved = frame.scope;
  frame.scope = scope;
  const value = evaluate(state, frame, test.subject);
  frame.scope = saved;
  const cleaned = (f) => ({ ...f, clean: f.clean | mask2 | (f.lead ? afterPrefix : 0), cleanAfterPrefix: (f.cleanAfterPrefix ?? 0) | afterPrefix || void 0, str: f.str || test.type !== "object" });
  scope.set(key, { ...value, taint: mapTaint(value.taint, cleaned) });
}
function ifStatement5(state, frame, stmt) {
  evaluate(state, frame, stmt.test);
  const thenScope = frame.scope.fork();
  const elseScope = frame.scope.fork();
  guard(state, frame, stmt.test, thenScope, true);
  guard(state, frame, stmt.test, elseScope, false);
  frame.scope.adopt(Scope.join(inFork(state, frame, stmt.then, thenScope), inFork(state, frame, stmt.else, elseScope)));
}
function loop(state, frame, stmt) {
  execute(state, frame, stmt.head);
  const body3 = frame.scope.fork();
  for (let i2 = 0; i2 < 2; i2++) {
    const saved = frame.scope;
    frame.scope = body3;
    if (stmt.test) evaluate(state, frame, stmt.test);
    if (stmt.each) {
      const iterable = evaluate(state, frame, stmt.each.iterable);
      bindPattern(state, frame, stmt.each.target, { taint: mapTaint(iterable.taint, (f) => ({ ...f, key: void 0 })) });
    }
    execute(state, frame, stmt.body);
    body3.dead = false;
    frame.scope = saved;
  }
  frame.scope.adopt(Scope.join(frame.scope, body3));
}
function tryStatement5(state, frame, stmt) {
  const entry2 = frame.scope.fork();
  const afterBody = inFork(state, frame, stmt.body);
  const handler = Scope.join(entry2, afterBody.dead ? entry2 : afterBody).fork();
  handler.dead = false;
  if (stmt.param) {
    const saved = frame.scope;
    frame.scope = handler;
    bindPattern(state, frame, stmt.param, NOTHING);
    frame.scope = saved;
  }
  const afterHandler = inFork(state, frame, stmt.handler, handler);
  frame.scope.adopt(Scope.join(afterBody, afterHandler));
  const dead = frame.scope.dead;
  frame.scope.dead = false;
  execute(state, frame, stmt.finalizer);
  frame.scope.dead ||= dead;
}
function branches(state, frame, stmt) {
  if (stmt.test) evaluate(state, frame, stmt.test);
  let joined = frame.scope.fork();
  for (const arm of stmt.arms) joined = Scope.join(joined, inFork(state, frame, arm));
  frame.scope.adopt(joined);
}
function classStatement(state, frame, stmt) {
  if (stmt.name) frame.scope.set(stmt.name, { taint: CLEAN, ref: [stmt.name] });
  for (const field of stmt.fields) evaluate(state, frame, field.value);
  for (const member4 of stmt.members) analyzeFunction(state, member4, frame.scope);
}
function returnStatement(state, frame, stmt) {
  if (stmt.value) {
    const value = evaluate(state, frame, stmt.value);
    if (value.taint.length) frame.returns = union(frame.returns, withStep(value.taint, { file: state.module.file, span: stmt.span, message: "returned" }));
  }
  frame.scope.dead = true;
}
function execute(state, frame, stmts) {
  hoist(frame, stmts);
  for (const stmt of stmts) {
    if (frame.scope.dead) return;
    switch (stmt.kind) {
      case "expr":
        evaluate(state, frame, stmt.expr);
        break;
      case "assign": {
        const into = stmt.target.kind === "name" ? stmt.target.name : void 0;
        if (stmt.target.kind === "member" && stmt.value?.kind === "literal") checkAssignConstant(state, frame, pathOf(state, frame, { ...stmt.target, kind: "member" }), stmt.value);
        let value = stmt.value ? evaluate(state, frame, stmt.value, { into }) : NOTHING;
        if (stmt.fallback) value = { ...value, taint: union(value.taint, evaluate(state, frame, stmt.fallback).taint) };
        bindPattern(state, frame, stmt.target, value, stmt.value?.kind === "concat");
        break;
      }
      case "if":
        ifStatement5(state, frame, stmt);
        break;
      case "loop":
        loop(state, frame, stmt);
        break;
      case "return":
        returnStatement(state, frame, stmt);
        break;
      case "throw":
        if (stmt.value) evaluate(state, frame, stmt.value);
        frame.scope.dead = true;
        break;
      case "try":
        tryStatement5(state, frame, stmt);
        break;
      case "branches":
        branches(state, frame, stmt);
        break;
      case "function":
        analyzeFunction(state, stmt.fn, frame.scope);
        break;
      case "class":
        classStatement(state, frame, stmt);
        break;
    }
  }
}
function originKey(fact) {
  return fact.origin.type === "source" ? `${fact.origin.file}:${fact.origin.id}` : "";
}
function noteCheck(state, frame, fact, check2) {
  const origin = fact.origin;
  if (origin.type === "param") {
    if (frame.fn && !frame.checks.some((c) => c.param === origin.index && c.check.span.start === check2.span.start)) frame.checks.push({ param: origin.index, check: check2 });
    return;
  }
  const key = originKey(fact);
  const list = state.checks.get(key) ?? [];
  if (!list.some((c) => c.file === check2.file && c.span.start === check2.span.start)) list.push(check2);
  state.checks.set(key, list);
}
function recordChecks(state, frame, path, receiver, span) {
  if (!receiver?.taint.length) return;
  const guards = state.rules.guards.match(path);
  if (!guards.length) return;
  const text2 = state.src.text.slice(span.start, span.end).replace(/\s+/g, " ");
  for (const guard2 of guards) {
    const check2 = { rule: guard2.rule.spec.id, file: state.module.file, span, text: text2, label: guard2.label };
    for (const fact of receiver.taint) noteCheck(state, frame, fact, check2);
  }
}
function guardFindings(state) {
  const out2 = [];
  for (const finding2 of state.findings) {
    const guards = state.rules.guardedBy.get(finding2.ruleId);
    if (!guards) continue;
    for (const check2 of state.checks.get(`${finding2.origin.file}:${finding2.origin.id}`) ?? []) {
      if (!guards.some((g) => g.spec.id === check2.rule)) continue;
      out2.push({
        ruleId: check2.rule,
        file: check2.file,
        sink: { file: check2.file, span: check2.span, callee: check2.text, label: check2.label },
        origin: finding2.origin,
        trail: addStep(finding2.trail, { file: check2.file, span: check2.span, message: `it was only checked by \`${check2.text}\`` }),
        weak: finding2.weak
      });
    }
  }
  return out2;
}
function paramValue(state, fn, index) {
  const param2 = fn.params[index];
  if (param2.ref) return { taint: CLEAN, ref: [param2.ref] };
  if (param2.source) {
    const span = param2.pattern.span;
    const { kind, label } = param2.source;
    return { taint: [sourceFact({ type: "source", id: `s${span.start}:${kind}`, kind, label, file: state.module.file, span, text: state.src.text.slice(span.start, span.end) })] };
  }
  return { taint: [paramFact(index)] };
}
function dedupeSinks(sinks) {
  const seen = /* @__PURE__ */ new Set();
  return sinks.filter((s) => {
    const key = `${s.param}|${s.sink}|${s.site.span.start}|${s.fact.clean}|${s.fact.str}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function summaryOf(state, fn, closure) {
  const cached = state.summaries.get(fn.id);
  if (cached === "pending") return { name: fn.name ?? "function", file: state.module.file, returns: CLEAN, sinks: [], checks: [] };
  if (cached) return cached;
  state.summaries.set(fn.id, "pending");
  const frame = { fn, scope: new Scope(closure ?? state.moduleScope), returns: CLEAN, sinks: [], checks: [] };
  fn.params.forEach((param2, index) => {
    let value = paramValue(state, fn, index);
    if (param2.fallback) value = { ...value, taint: union(value.taint, evaluate(state, frame, param2.fallback).taint) };
    bindPattern(state, frame, param2.pattern, value, true);
  });
  execute(state, frame, fn.body);
  const summary = { name: fn.name ?? "function", file: state.module.file, returns: frame.returns, sinks: dedupeSinks(frame.sinks), checks: frame.checks };
  state.summaries.set(fn.id, summary);
  return summary;
}
function analyzeFunction(state, fn, closure) {
  summaryOf(state, fn, closure);
}
function through(outer, inner, pass) {
  return {
    origin: outer.origin,
    trail: joinTrails(addStep(outer.trail, pass), inner.trail),
    clean: outer.clean | inner.clean,
    str: outer.str || inner.str,
    lead: inner.lead ?? outer.lead,
    cleanAfterPrefix: (outer.cleanAfterPrefix ?? 0) | (inner.cleanAfterPrefix ?? 0) || void 0,
    key: inner.key ?? outer.key,
    weak: outer.weak || inner.weak
  };
}
function applySummary(state, frame, summary, args22, argSpans, callSpan) {
  const file = state.module.file;
  const pass = (index) => ({ file, span: argSpans[index] ?? callSpan, message: `passed to \`${summary.name}\`` });
  const returned = { file, span: callSpan, message: `returned by \`${summary.name}\`` };
  const out2 = [];
  for (const inner of summary.returns) {
    if (inner.origin.type === "source") {
      out2.push({ ...inner, trail: addStep(inner.trail, returned) });
      continue;
    }
    const index = inner.origin.index;
    for (const outer of args22[index]?.taint ?? []) {
      const fact = through(outer, inner, pass(index));
      out2.push({ ...fact, trail: addStep(fact.trail, returned) });
    }
  }
  for (const { param: param2, check: check2 } of summary.checks) for (const outer of args22[param2]?.taint ?? []) noteCheck(state, frame, outer, check2);
  for (const hit of summary.sinks) {
    const sink = state.rules.sinksByKey.get(hit.sink);
    if (!sink) continue;
    for (const outer of args22[hit.param]?.taint ?? []) reachSink(state, frame, sink, through(outer, hit.fact, pass(hit.param)), hit.site);
  }
  return union(out2);
}
var CLEAN_RESULTS = /^(?:is[A-Z_]\w*|has[A-Z_]\w*|test|includes|startsWith|endsWith|indexOf|lastIndexOf|localeCompare|search|equals|compare|exists|existsSync)$/;
function methodName(call3) {
  return call3.callee.kind === "member" ? call3.callee.property : call3.callee.kind === "name" ? call3.callee.name : void 0;
}
function resolveCallee(state, frame, call3, path) {
  if (call3.callee.kind === "name") {
    const bound = frame.scope.get(call3.callee.name);
    if (bound?.fn) return { fn: bound.fn, closure: bound.closure };
  }
  if (call3.callee.kind === "member" && call3.callee.object.kind === "name" && call3.callee.object.name === "this" && call3.callee.property) {
    const found = state.byName.get(call3.callee.property);
    if (found?.length === 1) return { fn: found[0] };
  }
  const head = path?.[0];
  if (path?.length === 2 && head?.endsWith("()")) {
    const method = state.classes.get(head.slice(0, -2))?.find((m) => m.name === path[1]);
    if (method) return { fn: method, closure: state.moduleScope };
  }
  if (path?.[0]?.startsWith("<")) {
    const key = `${path[0].slice(1, -1)}#${path.slice(1).join(".") || "default"}`;
    const summary = state.imported.get(key);
    if (summary) return { summary };
  }
  return void 0;
}
function sanitizerMask(state, path) {
  if (state.rules.universal.match(path).length) return state.rules.allClasses;
  let mask2 = 0;
  for (const bits of state.rules.sanitizers.match(path)) mask2 |= bits;
  return mask2;
}
function propagate(state, frame, call3, path, receiver, args22) {
  const specs = state.rules.propagators.match(path);
  if (!specs.length) return void 0;
  let out2 = CLEAN;
  for (const spec of specs) {
    const moved = union(...spec.from.flatMap((from) => from === "receiver" ? [receiver?.taint ?? CLEAN] : from === "args" ? args22.map((a) => a.taint) : [args22[from]?.taint ?? CLEAN]));
    if (spec.to === "return") out2 = union(out2, moved);
    else if (call3.callee.kind === "member") storeInto(frame, call3.callee.object, moved);
  }
  return out2;
}
function storeInto(frame, target, taint) {
  const key = keyOf(target);
  if (key === void 0 || !taint.length) return;
  const old = frame.scope.get(key);
  frame.scope.set(key, old ? joinValues(old, { taint }) : { taint });
}
var MAPPING = /* @__PURE__ */ new Set(["map", "flatMap", "reduce", "then", "forEach", "some", "every", "findIndex"]);
function callbacks(state, frame, call3, receiver, args22) {
  const method = methodName(call3);
  if (!receiver || method === void 0 || !state.adapter.elementCallbacks.has(method) || !args22.some((a) => a.fn)) return void 0;
  let out2 = MAPPING.has(method) ? CLEAN : receiver.taint;
  for (const [i2, arg] of args22.entries()) {
    if (!arg.fn) continue;
    const summary = summaryOf(state, arg.fn, arg.closure);
    const element = { taint: mapTaint(receiver.taint, (f) => ({ ...f, key: void 0 })) };
    out2 = union(out2, applySummary(state, frame, summary, [element, element], [call3.args[i2].span], call3.span));
  }
  return out2;
}
function defaultResult(state, frame, call3, receiver, args22) {
  const method = methodName(call3);
  if (method !== void 0 && CLEAN_RESULTS.test(method)) return CLEAN;
  if (method !== void 0 && call3.callee.kind === "member" && !receiver?.taint.length && state.adapter.lookups.test(method)) return CLEAN;
  if (method !== void 0 && call3.callee.kind === "member" && state.adapter.mutators.has(method)) storeInto(frame, call3.callee.object, union(...args22.map((a) => a.taint)));
  const fromReceiver = receiver && method !== void 0 && state.adapter.stringMethods.has(method) ? mapTaint(receiver.taint, (f) => ({ ...f, str: true })) : receiver?.taint ?? CLEAN;
  const fromArgs = mapTaint(union(...args22.map((a) => a.taint)), (f) => f.weak ? f : { ...f, weak: true });
  return union(fromReceiver, fromArgs);
}
function callSource(state, call3, path) {
  if (matchSource(state.rules, path)?.length !== path.length) return void 0;
  const fact = sourceAt(state, path, call3.span);
  if (!fact || fact.origin.type !== "source") return void 0;
  const first = call3.args[0];
  if (first?.kind === "literal" && typeof first.value === "string" && /^[\w.-]{1,60}$/.test(first.value) && !fact.origin.label.includes("`")) {
    return [{ ...fact, origin: { ...fact.origin, label: `${fact.origin.label} \`${first.value}\`` } }];
  }
  return [fact];
}
function instanceOf(state, callPath) {
  const head = callPath?.[0];
  if (!callPath || !head) return void 0;
  if (callPath.length === 1) return state.classes.has(head.slice(0, -2)) ? [...callPath] : void 0;
  if (!head.startsWith("<")) return void 0;
  return state.imported.has(`${head.slice(1, -1)}#${callPath.slice(1).join(".")}`) ? [...callPath] : void 0;
}
function handToCallback(state, frame, call3, args22, taint, param2) {
  const index = args22.findLastIndex((a) => a.fn);
  const fn = args22[index];
  if (!fn?.fn) return;
  const params = Array.from({ length: param2 + 1 }, (_, i2) => i2 === param2 ? { taint } : NOTHING);
  applySummary(state, frame, summaryOf(state, fn.fn, fn.closure), params, params.map(() => call3.args[index].span), call3.span);
}
function evaluateCall(state, frame, call3) {
  const path = pathOf(state, frame, call3.callee);
  const receiver = call3.callee.kind === "member" ? evaluate(state, frame, call3.callee.object) : void 0;
  const args22 = call3.args.map((arg) => evaluate(state, frame, arg));
  if (path) recordChecks(state, frame, path, receiver, call3.span);
  const isSink = path !== void 0 && checkCallSinks(state, frame, path, call3, args22);
  const callPath = path?.length ? [...path.slice(0, -1), `${path.at(-1)}()`] : void 0;
  const source = callPath ? callSource(state, call3, callPath) : void 0;
  if (source) {
    const callback = matchSource(state.rules, callPath)?.source.callback;
    if (callback !== void 0) handToCallback(state, frame, call3, args22, source, callback);
    return { taint: source, ref: callPath };
  }
  if (isSink) return NOTHING;
  const mask2 = path ? sanitizerMask(state, path) : 0;
  if (mask2 === state.rules.allClasses && mask2 !== 0) return NOTHING;
  const callee = resolveCallee(state, frame, call3, path);
  let taint;
  if (callee) {
    const summary = callee.summary ?? summaryOf(state, callee.fn, callee.closure);
    taint = applySummary(state, frame, summary, args22, call3.args.map((a) => a.span), call3.span);
    if (receiver?.taint.length && path?.length && path[path.length - 2]?.endsWith("()")) taint = union(taint, mapTaint(receiver.taint, (f) => f.weak ? f : { ...f, weak: true }));
  } else {
    taint = callbacks(state, frame, call3, receiver, args22) ?? (path && propagate(state, frame, call3, path, receiver, args22)) ?? defaultResult(state, frame, call3, receiver, args22);
  }
  if (mask2) taint = mapTaint(taint, (f) => ({ ...f, clean: f.clean | mask2 }));
  const ref = path?.at(-1) === "promisify" ? args22[0]?.ref : instanceOf(state, callPath);
  return { taint, ref };
}
function moduleRef(state, spec) {
  const target = state.adapter.resolveModule(spec, state.module.file, state.files);
  if (!("file" in target)) return target.package;
  state.deps.add(target.file);
  return [`<${target.file}>`];
}
function pathOf(state, frame, expr) {
  switch (expr.kind) {
    case "name": {
      const ref = frame.scope.get(expr.name)?.ref;
      return ref ? [...ref] : [expr.name];
    }
    case "member": {
      const base2 = pathOf(state, frame, expr.object);
      return base2 ? [...base2, expr.property ?? "*"] : void 0;
    }
    case "call": {
      const base2 = pathOf(state, frame, expr.callee);
      return base2?.length ? [...base2.slice(0, -1), `${base2.at(-1)}()`] : void 0;
    }
    case "module":
      return moduleRef(state, expr.module);
    default:
      return void 0;
  }
}
function keyOf(expr) {
  if (expr.kind === "name") return expr.name;
  if (expr.kind === "member" && expr.property !== void 0) {
    const base2 = keyOf(expr.object);
    return base2 === void 0 ? void 0 : `${base2}.${expr.property}`;
  }
  return void 0;
}
function sourceAt(state, path, span) {
  const match = matchSource(state.rules, path);
  if (!match) return void 0;
  const field = path[match.length];
  const label = field !== void 0 && field !== "*" ? `${match.source.label} \`${field.replace(/\(\)$/, "")}\`` : match.source.label;
  const text2 = state.src.text.slice(span.start, span.end).replace(/\s+/g, " ");
  return sourceFact({ type: "source", id: `s${span.start}:${match.source.kind}`, kind: match.source.kind, label, file: state.module.file, span, text: text2 });
}
function memberValue(state, object3, property, span) {
  const path = object3.ref ? [...object3.ref, property ?? "*"] : void 0;
  if (property !== void 0 && state.adapter.cleanMembers.has(property)) return { taint: CLEAN, ref: path };
  const source = path ? sourceAt(state, path, span) : void 0;
  if (source) return { taint: [source], ref: path };
  return { taint: mapTaint(object3.taint, (f) => f.key === void 0 ? f : { ...f, key: void 0 }), ref: path };
}
function member3(state, frame, expr) {
  const key = keyOf(expr);
  const known = key !== void 0 ? frame.scope.get(key) : void 0;
  if (known) return known;
  if (expr.index) evaluate(state, frame, expr.index);
  const path = pathOf(state, frame, expr);
  if (expr.property !== void 0 && state.adapter.cleanMembers.has(expr.property)) return { taint: CLEAN, ref: path };
  const source = path ? sourceAt(state, path, expr.span) : void 0;
  if (source) return { taint: [source], ref: path };
  const object3 = evaluate(state, frame, expr.object);
  return { taint: mapTaint(object3.taint, (f) => f.key === void 0 ? f : { ...f, key: void 0 }), ref: path };
}
function name22(state, frame, expr) {
  const bound = frame.scope.get(expr.name);
  if (bound) return bound;
  const source = sourceAt(state, [expr.name], expr.span);
  return source ? { taint: [source], ref: [expr.name] } : NOTHING;
}
function concat(state, frame, expr, hint) {
  let lead = "";
  let out2 = CLEAN;
  const message = hint.into ? `concatenated into \`${hint.into}\`` : "concatenated into a string";
  for (const part of expr.parts) {
    if (part.kind === "literal") {
      lead += String(part.value ?? "");
      continue;
    }
    const value = evaluate(state, frame, part);
    if (!value.taint.length) {
      lead += "{const}";
      continue;
    }
    const prefix = lead;
    const facts = mapTaint(value.taint, (f) => ({ ...f, str: true, key: void 0, lead: f.lead ?? (prefix || void 0), clean: prefix && f.cleanAfterPrefix ? f.clean | f.cleanAfterPrefix : f.clean }));
    out2 = union(out2, withStep(facts, { file: state.module.file, span: part.span, message }));
    lead += "{taint}";
  }
  return { taint: out2 };
}
function object2(state, frame, expr) {
  let out2 = CLEAN;
  for (const entry2 of expr.entries) {
    if (entry2.key !== void 0 && entry2.value.kind === "literal") checkPropertyConstant(state, frame, entry2.key, entry2.value);
    const value = evaluate(state, frame, entry2.value);
    if (!value.taint.length) continue;
    if (entry2.key !== void 0) checkPropertySinks(state, frame, entry2.key, value, entry2.value.span);
    out2 = union(out2, entry2.spread ? value.taint : mapTaint(value.taint, (f) => ({ ...f, key: entry2.key })));
  }
  return { taint: out2 };
}
function assign(state, frame, expr) {
  const target = expr.target;
  if (target.kind === "member" && expr.value.kind === "literal") checkAssignConstant(state, frame, pathOf(state, frame, { ...target, kind: "member" }), expr.value);
  let value = evaluate(state, frame, expr.value, { into: target.kind === "name" ? target.name : void 0 });
  if (expr.append && (target.kind === "name" || target.kind === "member")) {
    const old = evaluate(state, frame, target.kind === "name" ? { kind: "name", span: target.span, name: target.name } : { ...target, kind: "member" });
    value = { ...value, taint: union(old.taint, mapTaint(value.taint, (f) => ({ ...f, str: true }))) };
  }
  bindPattern(state, frame, target, value, expr.value.kind === "concat" || expr.append === true);
  return value;
}
function evaluate(state, frame, expr, hint = {}) {
  switch (expr.kind) {
    case "literal":
      return NOTHING;
    case "name":
      return name22(state, frame, expr);
    case "member":
      return member3(state, frame, expr);
    case "call":
      return evaluateCall(state, frame, expr);
    case "concat":
      return concat(state, frame, expr, hint);
    case "union": {
      const values = expr.parts.map((part) => evaluate(state, frame, part, hint));
      return { taint: union(...values.map((v) => v.taint)), ref: values.find((v) => v.ref)?.ref, fn: values.find((v) => v.fn)?.fn, closure: values.find((v) => v.fn)?.closure };
    }
    case "cond": {
      evaluate(state, frame, expr.test);
      const [a, b] = [evaluate(state, frame, expr.then, hint), evaluate(state, frame, expr.else, hint)];
      return { taint: union(a.taint, b.taint), ref: a.ref ?? b.ref };
    }
    case "opaque":
      for (const part of expr.parts) evaluate(state, frame, part);
      return NOTHING;
    case "is-type":
      evaluate(state, frame, expr.subject);
      return NOTHING;
    case "object":
      return object2(state, frame, expr);
    case "array":
      return { taint: union(...expr.items.map((item) => evaluate(state, frame, item).taint)) };
    case "function":
      analyzeFunction(state, expr.fn, frame.scope);
      return { taint: CLEAN, fn: expr.fn, closure: frame.scope };
    case "assign":
      return assign(state, frame, expr);
    case "module":
      return { taint: CLEAN, ref: moduleRef(state, expr.module) };
  }
}
function importRef(state, module2, imported) {
  const ref = moduleRef(state, module2);
  if (imported === "*") return ref;
  if (imported === "default") return ref[0]?.startsWith("<") ? [...ref, "default"] : ref;
  return [...ref, imported];
}
function analyzeModule(input2) {
  const moduleScope = new Scope(void 0);
  const byName = /* @__PURE__ */ new Map();
  for (const fn of input2.module.functions) if (fn.name) byName.set(fn.name, [...byName.get(fn.name) ?? [], fn]);
  const state = {
    ...input2,
    imported: input2.imported ?? /* @__PURE__ */ new Map(),
    summaries: /* @__PURE__ */ new Map(),
    findings: [],
    byName,
    classes: new Map(input2.module.body.flatMap((stmt) => stmt.kind === "class" && stmt.name ? [[stmt.name, stmt.members]] : [])),
    moduleScope,
    deps: /* @__PURE__ */ new Set(),
    renders: [],
    checks: /* @__PURE__ */ new Map()
  };
  for (const imp of input2.module.imports) moduleScope.set(imp.local, { taint: CLEAN, ref: importRef(state, imp.module, imp.imported) });
  const frame = { fn: void 0, scope: moduleScope, returns: CLEAN, sinks: [], checks: [] };
  execute(state, frame, input2.module.body);
  for (const fn of input2.module.functions) if (!state.summaries.has(fn.id)) summaryOf(state, fn, moduleScope);
  const exports = /* @__PURE__ */ new Map();
  const byId = new Map(input2.module.functions.map((fn) => [fn.id, fn]));
  for (const exp of input2.module.exports) {
    const fn = exp.fn !== void 0 ? byId.get(exp.fn) : exp.local !== void 0 ? moduleScope.get(exp.local)?.fn : void 0;
    const summary = fn ? state.summaries.get(fn.id) : void 0;
    if (summary && summary !== "pending") exports.set(exp.name, summary);
  }
  return { findings: [...state.findings, ...guardFindings(state)], exports, deps: [...state.deps], renders: state.renders };
}
var FileAnalyzer = class {
  constructor(ruleSet, files, grammarsDir2, modules) {
    this.files = files;
    this.compiled = compileRuleSet(ruleSet);
    this.routeRules = ruleSet.rules.filter((r) => r.mode === "route");
    this.parsers = new Parsers(grammarsDir2, modules);
  }
  files;
  compiled;
  parsers;
  prepared = /* @__PURE__ */ new Map();
  routeRules;
  async first(file) {
    const src = new SourceText(file.text);
    const base2 = { path: file.path, lines: src.lineCount, findings: [], exports: [], deps: [], renders: [] };
    const found = adapterFor(file.path);
    const rules = found ? this.compiled.get(found.adapter.id) : void 0;
    if (!found || !rules && found.adapter.kind !== "template") return base2;
    try {
      const module2 = found.grammar === "lexed" ? found.adapter.lex(src, file.path) : found.adapter.lower(await this.parsers.parse(found.grammar, found.adapter.preprocess?.(file.text) ?? file.text), src, file.path);
      if (!rules) return { ...base2, rawOutputs: module2.rawOutputs ?? [] };
      const prepared = { module: module2, src, adapter: found.adapter, rules };
      this.prepared.set(file.path, prepared);
      const result = analyzeModule({ ...prepared, files: this.files });
      const routes = collectRouteFacts(module2, src, found.adapter, this.files, this.routeRules.filter((r) => r.language === found.adapter.id));
      return { ...base2, findings: result.findings, exports: [...result.exports].map(([name3, s]) => [`${file.path}#${name3}`, s]), deps: result.deps, renders: result.renders, rawOutputs: module2.rawOutputs, routes };
    } catch (error) {
      if (error instanceof GrammarError) throw error;
      return { ...base2, error: error.stack ?? String(error) };
    }
  }
  /** The file again, now with the summaries of the files it imports: its findings replace the first pass's. */
  second(path, imported) {
    const prepared = this.prepared.get(path);
    if (!prepared) return { path, findings: [], renders: [] };
    const result = analyzeModule({ ...prepared, files: this.files, imported });
    return { path, findings: result.findings, renders: result.renders };
  }
  dispose() {
    this.parsers.dispose();
    this.prepared.clear();
  }
};
var DEFAULT_MAX_BYTES = 1024 * 1024;
async function readSource(root, path, maxBytes, sync = false) {
  const full = join3(root, path);
  try {
    const size = sync ? statSync(full).size : (await stat(full)).size;
    if (size > maxBytes) return { path, skipped: `larger than ${Math.round(maxBytes / 1024)} KiB: not analysed` };
    return { path, text: sync ? readFileSync(full, "utf8") : await readFile3(full, "utf8") };
  } catch (error) {
    return { path, skipped: `could not be read: ${error.code ?? error.message}` };
  }
}
var LocalBackend = class {
  constructor(init2, texts) {
    this.init = init2;
    this.texts = texts;
    this.analyzer = new FileAnalyzer(init2.ruleSet, new Set(init2.files), init2.grammarsDir, init2.modules);
  }
  init;
  texts;
  analyzer;
  async first(paths) {
    const out2 = [];
    for (const path of paths) {
      const given = this.texts?.get(path);
      const source = given !== void 0 ? { path, text: given } : await readSource(this.init.root, path, this.init.maxBytes, this.init.sync);
      if ("skipped" in source) out2.push({ path, lines: 0, findings: [], exports: [], deps: [], renders: [], error: source.skipped });
      else out2.push(await this.analyzer.first(source));
    }
    return out2;
  }
  async second(jobs) {
    return jobs.map((job) => this.analyzer.second(job.path, new Map(job.imported)));
  }
  async close() {
    this.analyzer.dispose();
  }
};

// ../sast/dist/index.js
import { availableParallelism } from "os";
import { createHash } from "crypto";
import { existsSync as existsSync2 } from "fs";
import { fileURLToPath } from "url";
import { Worker } from "worker_threads";
import { posix as posix4 } from "path";
var FINGERPRINT_KEY = "pipewarden/sast/v1";
function fingerprintOf(finding2) {
  const fold2 = (text2) => text2.replace(/\s+/g, "");
  const parts2 = finding2.app ? [finding2.ruleId, "app", finding2.app.root] : [finding2.ruleId, finding2.file, fold2(finding2.sink.callee), fold2(finding2.origin.text)];
  return createHash("sha256").update(parts2.join("\0")).digest("hex").slice(0, 32);
}
var TOOL_NAME = "Pipewarden SAST";
var SRCROOT = "%SRCROOT%";
var SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var DOCS = "https://github.com/pipewarden/pipewarden/blob/main/docs/sast.md";
var CONFIDENCE = "pipewarden/confidence";
var CWE = "pipewarden/cwe";
var MAX_FLOWS = 3;
function uriOf(path) {
  return path.replace(/%(?![0-9A-Fa-f]{2})/g, "%25").replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}
var base = SRCROOT;
function location(file, span, message) {
  const region = { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
  const artifactLocation = base ? { uri: uriOf(file), uriBaseId: base } : { uri: uriOf(file) };
  return { physicalLocation: { artifactLocation, region }, ...message ? { message: { text: message } } : {} };
}
function descriptor(rule) {
  return {
    id: rule.id,
    name: rule.name.replace(/(?:^|\W+)(\w)/g, (_, c) => c.toUpperCase()),
    shortDescription: { text: rule.name },
    fullDescription: { text: rule.description },
    help: { text: rule.help, markdown: rule.help },
    helpUri: `${DOCS}#${rule.id}`,
    defaultConfiguration: { level: rule.level },
    properties: {
      tags: ["security", ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
      precision: rule.precision,
      "security-severity": rule.securitySeverity.toFixed(1),
      "problem.severity": rule.level === "note" ? "recommendation" : rule.level
    }
  };
}
var LEVELS = ["very-high", "high", "medium", "low"];
function confidence(rule, finding2) {
  const level = rule.precision === "very-high" ? "high" : rule.precision;
  if (!finding2.weak) return level;
  return LEVELS[Math.min(LEVELS.indexOf(level) + 1, LEVELS.length - 1)];
}
function codeFlow(finding2) {
  const source = finding2.origin;
  const steps = [{ file: source.file, span: source.span, message: finding2.app?.start ?? source.label }, ...stepsOf(finding2.trail)];
  return { threadFlows: [{ locations: steps.map((step) => ({ location: location(step.file, step.span, step.message) })) }] };
}
function messageOf(rule, finding2) {
  const text2 = rule.message.replace(/\{source\}/g, finding2.origin.label).replace(/\{sink\}/g, finding2.sink.callee).replace(/\{label\}/g, finding2.sink.label);
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}
function group(findings) {
  const bySink = /* @__PURE__ */ new Map();
  for (const finding2 of findings) {
    const key = `${finding2.ruleId}\0${finding2.file}\0${finding2.sink.span.start}`;
    const list = bySink.get(key) ?? [];
    if (!list.some((f) => f.origin.id === finding2.origin.id && f.origin.file === finding2.origin.file)) list.push(finding2);
    bySink.set(key, list);
  }
  const rank = (f) => (f.weak ? 1e3 : 0) + f.trail.length;
  return [...bySink.values()].map((list) => list.sort((a, b) => rank(a) - rank(b)));
}
function withoutEchoes(findings, rules) {
  const place = (f) => `${rules.get(f.ruleId)?.class}\0${f.file}\0${f.sink.span.start}`;
  const tainted = new Set(findings.filter((f) => rules.get(f.ruleId)?.mode !== "call").map(place));
  return findings.filter((f) => rules.get(f.ruleId)?.mode !== "call" || !tainted.has(place(f)));
}
function buildLog(input2) {
  base = input2.uriBaseId === false ? void 0 : input2.uriBaseId ?? SRCROOT;
  const rules = [...input2.rules].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((rule, i2) => [rule.id, i2]));
  const occurrences = /* @__PURE__ */ new Map();
  const groups = group(withoutEchoes(input2.findings, new Map(rules.map((r) => [r.id, r])))).sort((a, b) => a[0].file.localeCompare(b[0].file) || a[0].sink.span.start - b[0].sink.span.start || a[0].ruleId.localeCompare(b[0].ruleId));
  const results = groups.map((flows) => {
    const first = flows[0];
    const rule = rules[index.get(first.ruleId)];
    const key = fingerprintOf(first);
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    return {
      ruleId: rule.id,
      ruleIndex: index.get(rule.id),
      level: rule.level,
      message: { text: messageOf(rule, first) },
      locations: [location(first.file, first.sink.span)],
      relatedLocations: first.app ? first.app.places.map((p, i2) => ({ id: i2 + 1, ...location(p.file, p.span, p.message) })) : [{ id: 1, ...location(first.origin.file, first.origin.span, first.origin.label) }],
      codeFlows: flows.slice(0, MAX_FLOWS).map(codeFlow),
      partialFingerprints: { [FINGERPRINT_KEY]: `${key}:${n}` },
      properties: { [CONFIDENCE]: confidence(rule, first), [CWE]: rule.cwe }
    };
  });
  const notifications = (input2.notifications ?? []).map((n) => ({ level: "warning", message: { text: n.message }, locations: [location(n.file, { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 })] }));
  return {
    version: "2.1.0",
    $schema: SCHEMA,
    runs: [{
      tool: { driver: { name: TOOL_NAME, version: input2.version, informationUri: DOCS, rules: rules.map(descriptor) } },
      columnKind: "utf16CodeUnits",
      ...base ? { originalUriBaseIds: { [base]: { description: { text: "The scanned directory" } } } } : {},
      invocations: [{ executionSuccessful: true, ...notifications.length ? { toolExecutionNotifications: notifications } : {} }],
      results
    }]
  };
}
var CHUNK = 16;
var WorkerPool = class {
  workers;
  waiting = /* @__PURE__ */ new Map();
  owner = /* @__PURE__ */ new Map();
  nextId = 0;
  constructor(url, init2, threads) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(url, { workerData: init2 });
      worker.on("message", (reply) => this.settle(reply));
      worker.on("error", (error) => this.failAll(error));
      return worker;
    });
  }
  settle(reply) {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (reply.error !== void 0) waiting?.reject(new Error(`sast worker: ${reply.error}`));
    else waiting?.resolve(reply.result);
  }
  failAll(error) {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
  request(worker, message) {
    const id = this.nextId++;
    return new Promise((resolve2, reject) => {
      this.waiting.set(id, { resolve: resolve2, reject });
      this.workers[worker].postMessage({ ...message, id });
    });
  }
  async first(paths) {
    const out2 = [];
    let next = 0;
    await Promise.all(this.workers.map(async (_, worker) => {
      while (next < paths.length) {
        const chunk = paths.slice(next, next += CHUNK);
        for (const path of chunk) this.owner.set(path, worker);
        out2.push(...await this.request(worker, { type: "first", paths: chunk }));
      }
    }));
    const order = new Map(paths.map((p, i2) => [p, i2]));
    return out2.sort((a, b) => order.get(a.path) - order.get(b.path));
  }
  async second(jobs) {
    const byWorker = /* @__PURE__ */ new Map();
    for (const job of jobs) {
      const worker = this.owner.get(job.path) ?? 0;
      byWorker.set(worker, [...byWorker.get(worker) ?? [], job]);
    }
    const replies = await Promise.all([...byWorker].map(([worker, list]) => this.request(worker, { type: "second", jobs: list })));
    return replies.flat();
  }
  async close() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
};
async function startPool(init2, threads, paths) {
  const url = new URL("./worker.js", import.meta.url);
  if (!existsSync2(fileURLToPath(url))) return void 0;
  const grammars = paths.map((path) => adapterFor(path)?.grammar).filter((g) => g !== void 0 && g !== "lexed");
  const modules = await Parsers.compile(init2.grammarsDir ?? grammarsDir(), grammars);
  return new WorkerPool(url, { ...init2, modules }, threads);
}
var TEMPLATE_ROOTS = /(?:^|\/)(?:views|templates|webapp|WEB-INF)\//;
function templatesNamed(name3, templates, from) {
  const wanted = name3.replace(/^@\w+\//, "").replace(/^\.?\//, "");
  const matches = (path) => path === wanted || path.endsWith(`/${wanted}`);
  const exact = templates.filter((t) => matches(t.path));
  const named = exact.length || /\.\w+$/.test(wanted) ? exact : templates.filter((t) => matches(t.path.replace(/\.\w+$/, "")));
  const rooted = named.filter((t) => TEMPLATE_ROOTS.test(t.path));
  return nearest(rooted.length ? rooted : named, from);
}
function nearest(candidates, from) {
  const dir = from.split("/").slice(0, -1);
  const shared = (path) => {
    const a = path.split("/").slice(0, -1);
    let n = 0;
    while (n < a.length && n < dir.length && a[n] === dir[n]) n++;
    return n;
  };
  const best = Math.max(0, ...candidates.map((t) => shared(t.path)));
  return candidates.filter((t) => shared(t.path) === best);
}
function attributeTemplates(pattern2, templates, from, targets) {
  const typed = templates.filter((t) => t.path.endsWith(pattern2.slice(1)));
  if (!targets.length) return nearest(typed, from);
  return [...new Set(targets.flatMap((target) => templatesNamed(target, typed, from)))];
}
function renderFindings(renders, firsts) {
  const templates = firsts.filter((f) => f.rawOutputs !== void 0);
  if (!templates.some((t) => t.rawOutputs.length)) return [];
  const targets = /* @__PURE__ */ new Map();
  for (const r of renders) if (r.fact === void 0) targets.set(r.site.file, [...targets.get(r.site.file) ?? [], r.template]);
  const out2 = [];
  for (const render of renders) {
    const fact = render.fact;
    if (fact?.origin.type !== "source") continue;
    const from = render.site.file;
    const named = render.template.startsWith("*") ? attributeTemplates(render.template, templates, from, targets.get(from) ?? []) : templatesNamed(render.template, templates, from);
    for (const template2 of named) {
      for (const output2 of template2.rawOutputs.filter((o) => o.name === render.key)) {
        const via = output2.via ?? "<%-";
        const handed = addStep(fact.trail, { file: from, span: render.site.span, message: `passed to \`${render.site.callee}\` as \`${render.key}\`` });
        const trail = addStep(handed, { file: template2.path, span: output2.span, message: `printed unescaped by \`${via}\` (${render.site.label})` });
        out2.push({
          ruleId: render.sink.slice(0, render.sink.lastIndexOf("#")),
          file: template2.path,
          sink: { file: template2.path, span: output2.span, callee: via, label: render.site.label },
          origin: fact.origin,
          trail,
          weak: fact.weak
        });
      }
    }
  }
  return out2;
}
var PROJECT_FILES = /* @__PURE__ */ new Set(["package.json", "pyproject.toml", "requirements.txt", "setup.py", "setup.cfg", "manage.py", "composer.json", "pom.xml", "build.gradle", "Pipfile"]);
function appRootOf(file, projectDirs) {
  let dir = posix4.dirname(file);
  const own = dir;
  for (; ; ) {
    if (projectDirs.has(dir)) return dir;
    if (dir === "." || dir === "/" || dir === "") return own;
    dir = posix4.dirname(dir);
  }
}
function projectDirsOf(files) {
  const dirs = /* @__PURE__ */ new Set();
  for (const file of files) if (PROJECT_FILES.has(posix4.basename(file))) dirs.add(posix4.dirname(file));
  return dirs;
}
var MAX_PLACES = 50;
var NAMED = 3;
function finding(rule, candidate, facts) {
  const origin = { type: "source", id: `r${candidate.span.start}`, kind: "route", label: candidate.what, file: candidate.file, span: candidate.span, text: candidate.text };
  let trail = facts.uses && !candidate.always ? addStep(void 0, { file: facts.uses.file, span: facts.uses.span, message: `the app keeps users in cookies: \`${facts.uses.text.slice(0, 80)}\`` }) : void 0;
  trail = addStep(trail, { file: candidate.file, span: candidate.span, message: `${candidate.label}` });
  return { ruleId: rule.id, file: candidate.file, sink: { file: candidate.file, span: candidate.span, callee: candidate.callee, label: candidate.label }, origin, trail, weak: false };
}
function summaryOf2(routes) {
  const n = routes.length;
  if (n === 1) return `its state-changing route ${routes[0].name}`;
  const named = routes.slice(0, NAMED).map((r) => r.name);
  const list = n <= NAMED ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : `${named.join(", ")} and ${n - NAMED} more`;
  const listed = n > MAX_PLACES ? `; the related locations list the first ${MAX_PLACES}, ${n - MAX_PLACES} more are left out` : "";
  return `its ${n} state-changing routes (${list}${listed})`;
}
function appFinding(rule, root, routes, created, uses) {
  const first = routes[0];
  const at = created ?? first;
  const origin = { type: "source", id: `app:${root}`, kind: "route", label: summaryOf2(routes), file: at.file, span: at.span, text: root };
  let trail = uses ? addStep(void 0, { file: uses.file, span: uses.span, message: `the app keeps users in cookies: \`${uses.text.slice(0, 80)}\`` }) : void 0;
  trail = addStep(trail, { file: first.file, span: first.span, message: `${first.what}: ${first.label}` });
  const places = routes.slice(0, MAX_PLACES).map((r) => ({ file: r.file, span: r.span, message: `${r.what}: ${r.label}` }));
  const start2 = created ? `the app is created here: \`${created.text.slice(0, 80)}\`` : first.what;
  return {
    ruleId: rule.id,
    file: at.file,
    sink: { file: at.file, span: at.span, callee: created ? created.text : first.callee, label: first.label },
    origin,
    trail,
    weak: false,
    app: { root, places, more: Math.max(0, routes.length - MAX_PLACES), start: start2 }
  };
}
var byPlace = (a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start;
function routeFindings(rules, perFile, files) {
  const projectDirs = projectDirsOf(files);
  const out2 = [];
  for (const rule of rules) {
    if (rule.mode !== "route") continue;
    const apps = /* @__PURE__ */ new Map();
    for (const facts of perFile.flat()) {
      if (facts.rule !== rule.id) continue;
      const file = facts.candidates[0]?.file ?? facts.uses?.file ?? facts.protection?.file ?? facts.created?.file;
      if (!file) continue;
      const root = appRootOf(file, projectDirs);
      apps.set(root, [...apps.get(root) ?? [], facts]);
    }
    for (const [root, list] of apps) {
      if (list.some((f) => f.protection)) continue;
      const uses = rule.app.uses.length === 0 ? { rule: rule.id, candidates: [] } : list.find((f) => f.uses);
      const routes = [];
      for (const facts of list) {
        for (const candidate of facts.candidates) {
          if (candidate.always) out2.push(finding(rule, candidate, { ...facts, uses: uses?.uses }));
          else if (uses) routes.push(candidate);
        }
      }
      if (!routes.length) continue;
      const creations = list.flatMap((f) => f.created ? [f.created] : []).sort(byPlace);
      const created = creations.find((c) => routes.some((r) => r.file === c.file)) ?? creations[0];
      out2.push(appFinding(rule, root, routes.sort(byPlace), created, uses?.uses));
    }
  }
  return out2;
}
var PARALLEL_FROM = 200;
function cpuMsSince(start2) {
  const used = process.cpuUsage(start2);
  return Math.round((used.user + used.system) / 1e3);
}
function threadsFor(options, files) {
  if (options.threads !== void 0) return Math.max(0, Math.floor(options.threads));
  if (files < PARALLEL_FROM) return 0;
  const threads = Math.min(4, availableParallelism(), Math.ceil(files / 100));
  return threads >= 2 ? threads : 0;
}
function secondJobs(firsts) {
  const byFile = /* @__PURE__ */ new Map();
  for (const first of firsts) {
    const carries = ([, s]) => s.returns.length > 0 || s.sinks.length > 0 || s.checks.length > 0;
    if (first.exports.some(carries)) byFile.set(first.path, first.exports.filter((e) => carries(e) || e[0].endsWith("()")));
  }
  return firsts.filter((f) => f.deps.some((dep) => byFile.has(dep))).map((f) => ({ path: f.path, imported: f.deps.flatMap((dep) => byFile.get(dep) ?? []) }));
}
async function run2(backend, paths, init2) {
  const firsts = await backend.first(paths);
  const seconds = new Map((await backend.second(secondJobs(firsts))).map((s) => [s.path, s]));
  const findings = firsts.flatMap((f) => seconds.get(f.path)?.findings ?? f.findings);
  const renders = firsts.flatMap((f) => seconds.get(f.path)?.renders ?? f.renders);
  const routes = routeFindings(init2.ruleSet.rules, firsts.map((f) => f.routes ?? []), init2.files);
  return { firsts, findings: [...findings, ...renderFindings(renders, firsts), ...routes] };
}
async function analyzeWith(init2, paths, threads, texts, uriBaseId) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pool = threads > 0 && !texts ? await startPool(init2, threads, paths) : void 0;
  const backend = pool ?? new LocalBackend(init2, texts);
  try {
    const { firsts, findings } = await run2(backend, paths, init2);
    const log = buildLog({
      version: VERSION,
      rules: init2.ruleSet.rules,
      findings,
      uriBaseId,
      notifications: firsts.filter((f) => f.error).map((f) => ({ file: f.path, message: `${f.path}: ${f.error.split("\n")[0]}` }))
    });
    const stats = { files: paths.length, lines: firsts.reduce((n, f) => n + f.lines, 0), findings: log.runs[0].results.length, threads: pool ? threads : 0, ms: Math.round(performance.now() - started), cpuMs: cpuMsSince(cpu) };
    return { log, stats };
  } finally {
    await backend.close();
  }
}
async function analyzeFiles(options) {
  const ruleSet = ruleSetOf(options);
  const languages = new Set(ruleSet.rules.map((r) => r.language));
  const renders = ruleSet.rules.some((r) => r.sinks.some((s) => s.render));
  const paths = options.files.filter((file) => {
    const found = adapterFor(file);
    return found !== void 0 && (languages.has(found.adapter.id) || renders && found.adapter.kind === "template");
  });
  const init2 = { ruleSet, files: options.files, root: options.root, grammarsDir: options.grammarsDir, maxBytes: options.maxFileBytes ?? DEFAULT_MAX_BYTES };
  return analyzeWith(init2, paths, threadsFor(options, paths.length), void 0, options.uriBaseId);
}
async function analyzeSources(sources, options = {}) {
  const ruleSet = ruleSetOf(options);
  const files = sources.map((s) => s.path);
  const init2 = { ruleSet, files, root: ".", grammarsDir: options.grammarsDir, maxBytes: DEFAULT_MAX_BYTES };
  return analyzeWith(init2, files.filter((f) => adapterFor(f) !== void 0), 0, new Map(sources.map((s) => [s.path, s.text])));
}
var SENSITIVE_KINDS = ["authentication", "session", "crypto", "access-control", "input-validation", "deserialization"];
var KIND_WHY = {
  authentication: "it decides who a user is (passwords, tokens, sign-in)",
  session: "it creates, reads or ends user sessions and their cookies",
  crypto: "it hashes, signs, encrypts or makes secrets",
  "access-control": "it decides what a user may do",
  "input-validation": "it validates or sanitises untrusted input",
  deserialization: "it turns untrusted bytes into objects"
};
var SENSITIVE_APIS = [
  // Authentication
  { kind: "authentication", module: /^(bcrypt|bcryptjs|argon2|passport(-[\w-]+)?|jsonwebtoken|jose|express-jwt|next-auth|@auth0\/[\w-]+|ldapjs|otplib|speakeasy|flask_login|flask_jwt_extended|jwt|passlib(\..*)?|django\.contrib\.auth(\..*)?|werkzeug\.security|pyotp|org\.springframework\.security\.authentication(\..*)?|Firebase\\JWT(\\.*)?)$/ },
  { kind: "authentication", callee: /(^|\.)(authenticate|login|logIn|signIn|sign_in|check_password|verify_password|checkPassword|verifyPassword|comparePassword|password_verify|password_hash|set_password|make_password|verifyIdToken|jwt\.(verify|sign|decode)|login_user|logout_user)$/ },
  // Sessions and their cookies
  { kind: "session", module: /^(express-session|cookie-session|cookie-parser|iron-session|connect-redis|flask_session|django\.contrib\.sessions(\..*)?)$/ },
  { kind: "session", callee: /(^|\.)(session\.(regenerate|destroy|save|reload|invalidate)|getSession|session_start|session_regenerate_id|session_destroy|setcookie|res\.cookie|set_cookie|clearCookie|setMaxInactiveInterval)$/ },
  // Cryptography
  { kind: "crypto", module: /^((node:)?crypto|crypto-js|tweetnacl|node-forge|bcrypt|hashlib|hmac|secrets|cryptography(\..*)?|Crypto(\..*)?|nacl(\..*)?|javax\.crypto(\..*)?|java\.security(\..*)?)$/ },
  { kind: "crypto", callee: /(^|\.)(createHash|createHmac|createCipheriv|createDecipheriv|createSign|createVerify|generateKeyPair(Sync)?|randomBytes|pbkdf2(Sync)?|scrypt(Sync)?|hash_hmac|hash_equals|openssl_\w+|random_bytes|sodium_\w+|MessageDigest\.getInstance|Cipher\.getInstance|Mac\.getInstance|KeyGenerator\.getInstance|SecureRandom|subtle\.\w+)$/ },
  // Access checks
  { kind: "access-control", module: /^(casl|@casl\/[\w-]+|accesscontrol|casbin|node-casbin|django\.contrib\.auth\.decorators|flask_principal|org\.springframework\.security\.access(\..*)?)$/ },
  { kind: "access-control", callee: /(^|\.)(authorize|authorise|isAdmin|is_admin|hasRole|has_role|hasPermission|has_permission|has_perm|checkPermission|check_permission|requireRole|requireAdmin|ensureAuthenticated|isAuthenticated|is_authenticated|permission_required|login_required|user_passes_test|isGranted|hasAuthority|can|cannot|enforce)$/ },
  // Input validation and sanitising
  { kind: "input-validation", module: /^(joi|@hapi\/joi|yup|zod|validator|express-validator|ajv|class-validator|sanitize-html|dompurify|isomorphic-dompurify|xss|escape-html|bleach|cerberus|marshmallow|pydantic|wtforms|jsonschema|javax\.validation(\..*)?|jakarta\.validation(\..*)?|org\.owasp\.encoder(\..*)?)$/ },
  { kind: "input-validation", callee: /(^|\.)(validate|validateSync|safeParse|sanitize|sanitizeHtml|escapeHtml|escape|filter_var|htmlspecialchars|htmlentities|strip_tags|bleach\.clean|check|body|param|query\.isInt|forHtml)$/ },
  // Deserialization
  { kind: "deserialization", module: /^(node-serialize|serialize-javascript|funcster|js-yaml|pickle|cPickle|_pickle|marshal|shelve|jsonpickle|dill|yaml|java\.beans\.XMLDecoder|com\.thoughtworks\.xstream(\..*)?)$/ },
  { kind: "deserialization", callee: /(^|\.)(unserialize|deserialize|pickle\.loads?|marshal\.loads?|yaml\.(load|unsafe_load|full_load)|jsonpickle\.decode|readObject|readUnshared|ObjectInputStream|XMLDecoder|fromXML)$/ }
];
var SENSITIVE_NAMES = [
  { kind: "authentication", name: /^(log_?in|log_?out|sign_?in|sign_?out|authenticate|verify_?(token|password|otp)|check_?password|reset_?password|change_?password)$/i },
  { kind: "session", name: /^(create|start|destroy|end|refresh)_?session$/i },
  { kind: "access-control", name: /^(authori[sz]e|require_?(admin|role|auth|login|permission)|is_?admin|has_?(role|permission|access)|check_?(access|permission|role)|can_?\w+)$/i }
];
function dottedOf(expr) {
  const node = expr;
  if (node.kind === "name") return node.name;
  if (node.kind === "member" && node.property) {
    const object3 = dottedOf(node.object);
    return object3 ? `${object3}.${node.property}` : node.property;
  }
  if (node.kind === "call") return dottedOf(node.callee);
  return void 0;
}
function walk2(module2, each) {
  const seen = /* @__PURE__ */ new Set();
  const visit = (value) => {
    if (!value || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(visit);
    each(value);
    for (const child of Object.values(value)) visit(child);
  };
  visit(module2.body);
  visit(module2.functions);
}
function moduleBindings(module2) {
  const bound = new Map(module2.imports.map((i2) => [i2.local, i2.module]));
  walk2(module2, (node) => {
    const value = node.value;
    if (node.kind !== "assign" || value?.kind !== "module" || !value.module) return;
    const target = node.target;
    if (target.kind === "name" && target.name) bound.set(target.name, value.module);
    for (const prop of target.props ?? []) if (prop.value.kind === "name" && prop.value.name) bound.set(prop.value.name, value.module);
  });
  return bound;
}
function callsOf(module2) {
  const imports = moduleBindings(module2);
  const calls = /* @__PURE__ */ new Map();
  walk2(module2, (node) => {
    if (node.kind === "call" && node.span) {
      const dotted2 = dottedOf(node.callee);
      const span = node.span;
      if (dotted2 && !calls.has(span.start)) calls.set(span.start, { dotted: dotted2, module: imports.get(dotted2.split(".")[0]), span });
    }
  });
  return [...calls.values()];
}
function enclosing(functions, span) {
  let best;
  for (const fn of functions) {
    if (fn.span.start <= span.start && span.end <= fn.span.end && (!best || fn.span.end - fn.span.start < best.span.end - best.span.start)) best = fn;
  }
  return best;
}
function tagModule(module2) {
  const tags = /* @__PURE__ */ new Map();
  const add = (kind, fn, span, evidence) => {
    const key = `${fn?.id ?? `line${span.line}`}/${kind}`;
    if (tags.has(key)) return;
    const where = fn?.span ?? span;
    tags.set(key, { file: module2.file, kind, function: fn?.name, startLine: where.line, endLine: where.endLine, evidence, why: KIND_WHY[kind] });
  };
  for (const call3 of callsOf(module2)) {
    for (const api of SENSITIVE_APIS) {
      const byModule = api.module && call3.module !== void 0 && api.module.test(call3.module);
      if (byModule || api.callee?.test(call3.dotted)) {
        add(api.kind, enclosing(module2.functions, call3.span), call3.span, byModule ? `calls ${call3.dotted} (${call3.module})` : `calls ${call3.dotted}`);
      }
    }
  }
  for (const fn of module2.functions) {
    for (const named of SENSITIVE_NAMES) if (fn.name && named.name.test(fn.name)) add(named.kind, fn, fn.span, `is named ${fn.name}`);
  }
  return [...tags.values()].sort((a, b) => a.startLine - b.startLine || a.kind.localeCompare(b.kind));
}
async function tagSensitiveCode(sources, options = {}) {
  const parsers = new Parsers(options.grammarsDir);
  const out2 = [];
  try {
    for (const file of sources) {
      const found = adapterFor(file.path);
      if (!found || found.adapter.kind === "template") continue;
      const source = new SourceText(file.text);
      let module2;
      try {
        module2 = found.grammar === "lexed" ? found.adapter.lex(source, file.path) : found.adapter.lower(await parsers.parse(found.grammar, found.adapter.preprocess?.(file.text) ?? file.text), source, file.path);
      } catch {
        continue;
      }
      out2.push(...tagModule(module2));
    }
  } finally {
    parsers.dispose();
  }
  return out2;
}
export {
  ADAPTERS,
  BUILTIN_RULE_FILES,
  FINGERPRINT_KEY,
  GRAMMAR_FILES,
  GrammarError,
  KIND_WHY,
  PARALLEL_FROM,
  RuleError,
  SENSITIVE_APIS,
  SENSITIVE_KINDS,
  SENSITIVE_NAMES,
  TOOL_NAME,
  VERSION,
  adapterFor,
  analyzeFiles,
  analyzeSources,
  grammarsDir,
  loadRules,
  missingGrammars,
  modelsFileSchema,
  readRuleFiles,
  readsFile,
  ruleSchema,
  ruleSetOf,
  tagModule,
  tagSensitiveCode
};
