package org.sdaplanner.core.cluster;

/**
 * No plan can meet the rules asked for (population limits, areas per district, contiguity):
 * the message names the district and why, e.g. a block larger than the largest area allowed.
 */
public final class InfeasiblePlanException extends IllegalArgumentException {
    public InfeasiblePlanException(String message) {
        super(message);
    }
}
