package org.sdaplanner.web.api;

/** A PCN's figures in a plan (those of summary.json's {@code pcns}) with its name. */
public record PcnFigures(String pcnCode, String pcnName, double patients, String bestArea, double coterminosity,
        int areasSpanned) {
}
