package org.sdaplanner.web.api;

/** An LSOA where a PCN has patients: the PCN's share of its residents and whether the PCN is dominant there. */
public record PcnLsoa(String lsoaCode, double share, long patients, boolean dominant) {
}
