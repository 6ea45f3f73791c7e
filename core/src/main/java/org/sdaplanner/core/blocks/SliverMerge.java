package org.sdaplanner.core.blocks;

/**
 * One sliver (or one connected part of it) that joined a neighbouring block: one record per
 * remainder and block joined.
 *
 * @param sliverCode   the sliver's code: the code of the LSOA it is part of
 * @param districtCode the district of the sliver and of the block it joined
 * @param intoCode     the block it joined (the neighbour of the same district sharing the longest boundary)
 * @param intoName     that block's name
 * @param area         the land that joined, m²
 * @param residents    the residents that joined with it
 * @param registered   the registered patients that joined with it
 * @param whole        true when the whole remainder was a sliver and is no longer a block; false for a
 *                     detached part of a remainder that stays a block
 */
public record SliverMerge(String sliverCode, String districtCode, String intoCode, String intoName, double area,
                          double residents, double registered, boolean whole) {
}
