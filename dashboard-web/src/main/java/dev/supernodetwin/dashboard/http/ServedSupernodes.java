package dev.supernodetwin.dashboard.http;

import dev.supernodetwin.dashboard.api.SupernodeSummary;
import dev.supernodetwin.dashboard.auth.AccessControl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The supernodes one dashboard serves: a single one ({@code twin demo}, {@code twin replay}), or those this
 * instance of {@code twin run} owns now, which change as Kafka moves partitions. Requests name theirs with
 * {@code ?sn=ID} (docs/dashboard.md); without it they get {@link #defaultSupernode()}.
 */
public interface ServedSupernodes {
    /** What is served of {@code supernode}, when this instance models it now. */
    Optional<DashboardServer.Views> views(String supernode);

    /** The supernode a request that names none is about; empty while this instance models none. */
    Optional<String> defaultSupernode();

    /** Where {@code supernode} is served when it is not modelled here, as a link, when known. */
    Optional<String> elsewhere(String supernode);

    /** The body of {@code GET /api/fleet}: every supernode known, each with its owner. */
    JsonObject fleet();

    /** Who may use the dashboard, and TLS: the same for every supernode. */
    AccessControl access();

    /** One supernode, always here; its fleet is itself. */
    static ServedSupernodes single(DashboardServer.Views views, LongSupplier clock) {
        String supernode = views.api().layout().topology().supernode();
        return new ServedSupernodes() {
            @Override
            public Optional<DashboardServer.Views> views(String id) {
                return id.equals(supernode) ? Optional.of(views) : Optional.empty();
            }

            @Override
            public Optional<String> defaultSupernode() {
                return Optional.of(supernode);
            }

            @Override
            public Optional<String> elsewhere(String id) {
                return Optional.empty();
            }

            @Override
            public JsonObject fleet() {
                JsonObject entry = SupernodeSummary.of(views.api(), false,
                        new SupernodeSummary.Owner(null, Optional.empty()), clock.getAsLong());
                return new JsonObject().putNull("instance").putNull("url").put("supernodes",
                        new JsonArray().add(entry.put("local", true).put("stale", false)));
            }

            @Override
            public AccessControl access() {
                return views.access();
            }
        };
    }
}
