package org.sdaplanner.core.blocks;

/**
 * One neighbour of a block in a {@link BlockAdjacency}.
 *
 * @param code the neighbour's block code
 * @param sharedLength length of the shared boundary in metres (0 for a bridge between blocks
 *                     that share no boundary)
 * @param declared true when the link was declared as a {@link Bridge}
 */
public record Neighbour(String code, double sharedLength, boolean declared) {
}
