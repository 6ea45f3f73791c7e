package org.sdaplanner.web.api;

/** An area where a PCN has patients, and the share of the PCN's patients living there. */
public record PcnArea(String areaId, String areaName, double patients, double share) {
}
