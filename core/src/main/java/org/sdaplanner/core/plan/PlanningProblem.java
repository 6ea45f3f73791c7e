package org.sdaplanner.core.plan;

import org.sdaplanner.core.blocks.BlockAdjacency;
import org.sdaplanner.core.blocks.BlockAnalysis;
import org.sdaplanner.core.blocks.BlockOutlines;
import org.sdaplanner.core.blocks.BlockPiece;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.blocks.Neighbour;
import org.sdaplanner.core.dominance.DominanceResult;
import org.sdaplanner.core.dominance.LsoaDominance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fixed facts a plan is made from, indexed for speed: blocks (in code order) with their
 * district, residents, registered patients, area, perimeter, PCN affinity and PCN patients
 * (both sparse), and the adjacency graph with shared boundary lengths. Immutable.
 */
public final class PlanningProblem {
    private final List<BuildingBlock> blocks;
    private final Map<String, Integer> blockIndex = new HashMap<>();
    private final List<String> pcnCodes;
    private final List<String> districtCodes;
    private final int[] district;
    private final double[] residents;
    private final double[] registered;
    private final double[] area;
    private final double[] perimeter;
    private final int[][] affinityPcn;
    private final double[][] affinity;
    private final double[][] patients;
    private final int[][] neighbours;
    private final double[][] shared;
    private final double totalResidents;
    private final BlockAdjacency adjacency;
    private final BlockOutlines outlines;

    private PlanningProblem(List<BuildingBlock> blocks, BlockAdjacency adjacency, BlockOutlines outlines,
                            Map<String, LsoaDominance> lsoas) {
        this.blocks = List.copyOf(blocks);
        this.adjacency = adjacency;
        this.outlines = outlines;
        int n = blocks.size();
        TreeSet<String> pcns = new TreeSet<>();
        TreeSet<String> districts = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            BuildingBlock b = blocks.get(i);
            blockIndex.put(b.code(), i);
            pcns.addAll(b.pcnAffinity().keySet());
            districts.add(districtKey(b.districtCode()));
        }
        pcnCodes = List.copyOf(pcns);
        districtCodes = List.copyOf(districts);
        Map<String, Integer> pcnIndex = new HashMap<>();
        for (int p = 0; p < pcnCodes.size(); p++) {
            pcnIndex.put(pcnCodes.get(p), p);
        }
        district = new int[n];
        residents = new double[n];
        registered = new double[n];
        area = new double[n];
        perimeter = new double[n];
        affinityPcn = new int[n][];
        affinity = new double[n][];
        patients = new double[n][];
        neighbours = new int[n][];
        shared = new double[n][];
        double total = 0;
        for (int i = 0; i < n; i++) {
            BuildingBlock b = blocks.get(i);
            district[i] = districtCodes.indexOf(districtKey(b.districtCode()));
            residents[i] = b.residentPopulation();
            registered[i] = b.registeredPopulation();
            area[i] = b.geometry().getArea();
            perimeter[i] = b.geometry().getLength();
            total += residents[i];
            // affinity and patients share one sparse index: the PCNs with any affinity in the block
            TreeMap<Integer, double[]> sparse = new TreeMap<>();
            b.pcnAffinity().forEach((code, v) -> sparse.computeIfAbsent(pcnIndex.get(code), k -> new double[2])[0] = v);
            for (BlockPiece piece : b.pieces()) {
                LsoaDominance d = lsoas.get(piece.lsoaCode());
                if (d == null || piece.registeredPopulation() <= 0) {
                    continue;
                }
                d.shares().asMap().forEach((code, share) -> {
                    Integer p = pcnIndex.get(code);
                    if (p != null) {
                        sparse.computeIfAbsent(p, k -> new double[2])[1] += piece.registeredPopulation() * share;
                    }
                });
            }
            affinityPcn[i] = new int[sparse.size()];
            affinity[i] = new double[sparse.size()];
            patients[i] = new double[sparse.size()];
            int k = 0;
            for (Map.Entry<Integer, double[]> e : sparse.entrySet()) {
                affinityPcn[i][k] = e.getKey();
                affinity[i][k] = e.getValue()[0];
                patients[i][k] = e.getValue()[1];
                k++;
            }
            List<Neighbour> ns = adjacency.neighbours(b.code());
            neighbours[i] = new int[ns.size()];
            shared[i] = new double[ns.size()];
            for (int j = 0; j < ns.size(); j++) {
                neighbours[i][j] = blockIndexOf(ns.get(j).code());
                shared[i][j] = ns.get(j).sharedLength();
            }
        }
        totalResidents = total;
    }

    /** Builds the problem from a block analysis and the dominance result its shares came from. */
    public static PlanningProblem of(BlockAnalysis analysis, DominanceResult dominance) {
        Map<String, LsoaDominance> byCode = new HashMap<>();
        for (LsoaDominance l : dominance.lsoas()) {
            byCode.put(l.lsoaCode(), l);
        }
        return new PlanningProblem(analysis.blocks().blocks(), analysis.adjacency(), analysis.outlines(), byCode);
    }

    /**
     * The same blocks, residents and neighbours, with registered patients and PCN affinities from another
     * data release's dominance result: how the plan's areas fare under that release.
     */
    public PlanningProblem underRelease(DominanceResult release) {
        Map<String, LsoaDominance> byCode = new HashMap<>();
        Map<String, Map<String, Double>> shares = new HashMap<>();
        Map<String, Long> registeredPatients = new HashMap<>();
        for (LsoaDominance l : release.lsoas()) {
            byCode.put(l.lsoaCode(), l);
            shares.put(l.lsoaCode(), l.shares().asMap());
            registeredPatients.put(l.lsoaCode(), l.registeredPatients());
        }
        List<BuildingBlock> rescored = org.sdaplanner.core.blocks.BlockBuilder.rescored(blocks, registeredPatients,
                org.sdaplanner.core.blocks.LsoaShares.of(shares));
        return new PlanningProblem(rescored, adjacency, outlines, byCode); // the same geometries: the same outlines
    }

    /** For tests and tools: blocks and adjacency only; PCN patients are then taken equal to affinity. */
    public static PlanningProblem of(List<BuildingBlock> blocks, BlockAdjacency adjacency) {
        return new PlanningProblem(blocks, adjacency, new BlockOutlines(blocks), Map.of()).withPatientsFromAffinity();
    }

    private PlanningProblem withPatientsFromAffinity() {
        for (int i = 0; i < patients.length; i++) {
            boolean none = true;
            for (double v : patients[i]) {
                none &= v == 0;
            }
            if (none) {
                System.arraycopy(affinity[i], 0, patients[i], 0, affinity[i].length);
            }
        }
        return this;
    }

    private static String districtKey(String code) {
        return code == null ? "" : code;
    }

    private int blockIndexOf(String code) {
        Integer i = blockIndex.get(code);
        if (i == null) {
            throw new IllegalArgumentException("adjacency names unknown block " + code);
        }
        return i;
    }

    public int blockCount() {
        return blocks.size();
    }

    public BuildingBlock block(int i) {
        return blocks.get(i);
    }

    /** The blocks' outline topologies: the analysis's (kept with its snapshot), else made from the blocks on first ask. */
    public BlockOutlines outlines() {
        return outlines;
    }

    public List<BuildingBlock> blocks() {
        return blocks;
    }

    /** Index of a block code, or -1. */
    public int indexOf(String blockCode) {
        return blockIndex.getOrDefault(blockCode, -1);
    }

    public List<String> pcnCodes() {
        return pcnCodes;
    }

    public List<String> districtCodes() {
        return districtCodes;
    }

    public int district(int block) {
        return district[block];
    }

    public double residents(int block) {
        return residents[block];
    }

    public double registered(int block) {
        return registered[block];
    }

    public double area(int block) {
        return area[block];
    }

    public double perimeter(int block) {
        return perimeter[block];
    }

    /** PCN indexes with any affinity in the block, ascending. */
    public int[] affinityPcns(int block) {
        return affinityPcn[block];
    }

    /** Affinity values, aligned with {@link #affinityPcns(int)}. */
    public double[] affinityValues(int block) {
        return affinity[block];
    }

    /** Registered patients by PCN, aligned with {@link #affinityPcns(int)}. */
    public double[] patientValues(int block) {
        return patients[block];
    }

    /** Index of the PCN the block leans to most (ties: the lower index, i.e. PCN code), or -1 when it has none. */
    public int dominantPcn(int block) {
        int[] pcs = affinityPcn[block];
        double[] v = affinity[block];
        int best = -1;
        double bv = 0;
        for (int k = 0; k < pcs.length; k++) {
            if (v[k] > bv + 1e-9) {
                bv = v[k];
                best = pcs[k];
            }
        }
        return best;
    }

    public int[] neighbours(int block) {
        return neighbours[block];
    }

    /** Shared boundary lengths, aligned with {@link #neighbours(int)} (0 for a declared bridge). */
    public double[] sharedLengths(int block) {
        return shared[block];
    }

    public double totalResidents() {
        return totalResidents;
    }
}
