package org.sdaplanner.web;

import org.sdaplanner.store.SpatialStore;

import java.nio.file.Path;

/**
 * A real map server for API tests: the C&P data imported into an embedded store under {@code dir},
 * the default plan, a server on a free port, and accounts to sign in with.
 */
final class TestServer implements AutoCloseable {
    final SpatialStore store;
    final PlannerService service;
    final MapServer server;
    final TestAccounts accounts;

    private TestServer(SpatialStore store, PlannerService service, MapServer server) {
        this.store = store;
        this.service = service;
        this.server = server;
        this.accounts = new TestAccounts(store, base());
    }

    static TestServer start(Path dir, MapServer.Options options) {
        SpatialStore store = TestData.importedStore("jdbc:h2:file:" + dir.resolve("store").resolve("sda"));
        PlannerService service = PlannerService.open(store);
        try {
            service.ensureDefaultPlan("test");
            return new TestServer(store, service, MapServer.start(service, options, "127.0.0.1", 0));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        service.close();
    }
}
