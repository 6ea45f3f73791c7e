package org.sdaplanner.web.routes;

import org.sdaplanner.core.access.Permission;
import org.sdaplanner.web.ApiException;
import org.sdaplanner.web.api.BasemapInfo;
import org.sdaplanner.web.api.Site;
import org.sdaplanner.web.basemap.Basemap;
import org.sdaplanner.web.basemap.TileSource;
import org.sdaplanner.web.http.GuardedRoutes;

/** How the server is set up for the page (the basemap, if any), and the tiles of a local basemap file. */
public final class SiteRoutes implements RouteGroup {
    private final Basemap basemap;

    /** With basemap null: no background map (the page draws only its own layers). */
    public SiteRoutes(Basemap basemap) {
        this.basemap = basemap;
    }

    @Override
    public void register(GuardedRoutes routes) {
        routes.get("/api/site", Permission.VIEW_PLANS, ctx -> ctx.json(new Site(basemap == null ? null
                : new BasemapInfo(basemap.url(), basemap.attribution(), basemap.format(), basemap.minZoom(), basemap.maxZoom()))));
        routes.get("/api/basemap/{z}/{x}/{y}", Permission.VIEW_PLANS, ctx -> {
            if (basemap == null || !basemap.isLocal()) {
                throw ApiException.notFound("this server has no local basemap file (sda serve --basemap FILE.pmtiles|FILE.mbtiles)");
            }
            int z = tileNumber(ctx.pathParam("z"), "z");
            int x = tileNumber(ctx.pathParam("x"), "x");
            int y = tileNumber(ctx.pathParam("y"), "y");
            TileSource tiles = basemap.local();
            byte[] tile = tiles.tile(z, x, y).orElseThrow(() -> ApiException.notFound("no basemap tile at " + z + "/" + x + "/" + y));
            ctx.header("Cache-Control", "private, max-age=86400").contentType(TileSource.contentType(tiles.info().format())).result(tile);
        });
    }

    private static int tileNumber(String s, String name) {
        if (s == null || !s.matches("[0-9]{1,8}")) {
            throw ApiException.field(name, "'" + name + "' of a tile is a whole number of at most 8 digits");
        }
        return Integer.parseInt(s);
    }
}
