package org.sdaplanner.core.blocks;

/**
 * The part of one LSOA's population that lives in a block, for LSOA best-fit and profiles.
 *
 * @param lsoaCode the LSOA
 * @param weight fraction of the LSOA's people in the block (its apportionment weight)
 * @param residentPopulation the LSOA's residents apportioned to the block
 * @param registeredPopulation the LSOA's registered patients apportioned to the block
 */
public record BlockPiece(String lsoaCode, double weight, double residentPopulation, double registeredPopulation) {
}
