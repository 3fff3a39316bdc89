package dev.supernodetwin.dashboard.live;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LiveMessagesTest {
    private final List<LiveColumn> columns = List.of(
            LiveColumn.sensors("gpu.temp_c", Precision.TENTH, new int[3], new int[3]),
            LiveColumn.sensors("oe.pre_fec_ber_max", Precision.SIG3, new int[2], new int[2]));
    private final LiveMessages messages = new LiveMessages(columns);

    private static LiveMessages.Header header(long seq, Optional<String> replay) {
        return new LiveMessages.Header(seq, 1_000 + seq, 2_000 + seq, 10, 200, 3, replay);
    }

    private static JsonObject json(byte[] bytes) {
        return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void aFullMessageCarriesEveryValueAndTheHeader() {
        double[][] values = {{61.2, Double.NaN, 70}, {1.23e-5, 0}};

        JsonObject full = json(messages.full(header(41, Optional.empty()), values));

        assertThat(full.getString("type")).isEqualTo("full");
        assertThat(full.getLong("seq")).isEqualTo(41);
        assertThat(full.getLong("sent")).isEqualTo(1_041);
        assertThat(full.getLong("at")).isEqualTo(2_041);
        assertThat(full.getLong("frames")).isEqualTo(10);
        assertThat(full.getLong("samples")).isEqualTo(200);
        assertThat(full.getLong("alerts")).isEqualTo(3);
        assertThat(full.containsKey("replay")).isFalse();
        assertThat(full.getJsonObject("values").getJsonArray("gpu.temp_c").getList()).containsExactly(61.2, null, 70);
        assertThat(full.getJsonObject("values").getJsonArray("oe.pre_fec_ber_max").getList())
                .containsExactly(1.23e-5, 0);
    }

    @Test
    void aDeltaCarriesOnlyChangedValuesAsIndexValuePairs() {
        double[][] before = {{61.2, Double.NaN, 70}, {1.23e-5, 0}};
        double[][] now = {{61.4, Double.NaN, Double.NaN}, {1.23e-5, 0}};

        JsonObject delta = json(messages.delta(header(42, Optional.of("{\"paused\":true}")), before, now));

        assertThat(delta.getString("type")).isEqualTo("delta");
        assertThat(delta.getJsonObject("replay").getBoolean("paused")).isTrue();
        assertThat(delta.getJsonObject("values").fieldNames()).containsExactly("gpu.temp_c");
        assertThat(delta.getJsonObject("values").getJsonArray("gpu.temp_c").getList())
                .containsExactly(0, 61.4, 2, null);
    }

    @Test
    void noChangeGivesAnEmptyDelta() {
        double[][] values = {{61.2, Double.NaN, 70}, {1.23e-5, 0}};

        JsonObject delta = json(messages.delta(header(43, Optional.empty()), values, values));

        assertThat(delta.getJsonObject("values").isEmpty()).isTrue();
    }

    @Test
    void aDeltaAppliedToTheFullMessageGivesTheNextFullMessage() {
        double[][] before = {{61.2, 62, 70}, {1.23e-5, 0}};
        double[][] now = {{61.2, 62.5, Double.NaN}, {2e-6, 0}};
        JsonObject full = json(messages.full(header(1, Optional.empty()), before)).getJsonObject("values");
        JsonObject delta = json(messages.delta(header(2, Optional.empty()), before, now)).getJsonObject("values");

        for (String key : delta.fieldNames()) {
            List<Object> pairs = delta.getJsonArray(key).getList();
            for (int i = 0; i < pairs.size(); i += 2) {
                full.getJsonArray(key).set((Integer) pairs.get(i), pairs.get(i + 1));
            }
        }

        assertThat(full).isEqualTo(json(messages.full(header(2, Optional.empty()), now)).getJsonObject("values"));
    }
}
