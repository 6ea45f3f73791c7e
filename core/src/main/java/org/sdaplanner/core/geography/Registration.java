package org.sdaplanner.core.geography;

/** Patients registered at one practice who live in one LSOA (one row of gp-reg-pat-prac-lsoa-all). */
public record Registration(String practiceCode, String lsoaCode, long patients) {
}
