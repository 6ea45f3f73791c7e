package org.sdaplanner.core.blocks;

import java.util.Objects;

/**
 * A declared adjacency between two blocks that share no boundary, e.g. an island linked by a
 * causeway or ferry, or a detached part that analysts want treated as connected.
 */
public record Bridge(String codeA, String codeB) {

    public Bridge {
        Objects.requireNonNull(codeA, "codeA");
        Objects.requireNonNull(codeB, "codeB");
    }

    public static Bridge of(String codeA, String codeB) {
        return new Bridge(codeA, codeB);
    }

    @Override
    public String toString() {
        return codeA + "–" + codeB;
    }
}
