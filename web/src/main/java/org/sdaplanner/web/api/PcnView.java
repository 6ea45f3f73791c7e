package org.sdaplanner.web.api;

import java.util.List;

/**
 * {@code GET /api/plans/{id}/pcns/{code}}: where a PCN's patients live, by LSOA (its share there) and by area of
 * the plan.
 */
public record PcnView(String pcnCode, String pcnName, double patients, List<PcnLsoa> lsoas, List<PcnArea> areas) {
}
