package org.sdaplanner.core.dominance;

/**
 * A practice in the registrations whose patients cannot be given to a PCN: its PCN is
 * {@code U} (unallocated) or unknown. Its patients count in the LSOA denominators only.
 *
 * @param practiceCode   the practice
 * @param pcnCode        {@code "U"}, or {@code null} when the practice → PCN map has no PCN for it
 * @param listed         false when the practice is missing from the input practice list altogether
 * @param regionPatients its patients living in region LSOAs
 * @param totalPatients  its patients over all LSOA codes in the input
 */
public record UnallocatedPractice(String practiceCode, String pcnCode, boolean listed,
                                  long regionPatients, long totalPatients) {
}
