package dev.supernodetwin.dashboard.live;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.supernodetwin.dashboard.live.ClientGroup.Send.DELTA;
import static dev.supernodetwin.dashboard.live.ClientGroup.Send.FULL;
import static dev.supernodetwin.dashboard.live.ClientGroup.Send.NOTHING;
import static dev.supernodetwin.dashboard.live.ClientGroup.Send.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

class ClientGroupTest {
    /** A client that records what it was sent and is busy when told. */
    static final class FakeClient implements LiveClient {
        final List<String> got = new ArrayList<>();
        boolean busy;

        @Override
        public boolean busy() {
            return busy;
        }

        @Override
        public void send(ByteBuf message) {
            got.add(message.toString(StandardCharsets.UTF_8));
        }
    }

    private static LiveTick tick(long seq) {
        return LiveTick.of(seq, ("full " + seq).getBytes(StandardCharsets.UTF_8),
                ("delta " + seq).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decidesFromTheLastTickSentAndWhetherTheSocketIsBusy() {
        assertThat(ClientGroup.choose(Long.MIN_VALUE, 5, false)).isEqualTo(FULL);
        assertThat(ClientGroup.choose(4, 5, false)).isEqualTo(DELTA);
        assertThat(ClientGroup.choose(3, 5, false)).isEqualTo(FULL);
        assertThat(ClientGroup.choose(4, 5, true)).isEqualTo(SKIP);
        assertThat(ClientGroup.choose(5, 5, false)).isEqualTo(NOTHING);
    }

    @Test
    void aNewClientGetsTheLatestFullThenDeltas() {
        ClientGroup group = new ClientGroup();
        FakeClient c = new FakeClient();

        group.join(c, tick(7));
        group.deliver(tick(7));
        group.deliver(tick(8));
        group.deliver(tick(9));

        assertThat(c.got).containsExactly("full 7", "delta 8", "delta 9");
    }

    @Test
    void aBusyClientSkipsTicksAndThenGetsAFullMessage() {
        ClientGroup group = new ClientGroup();
        FakeClient slow = new FakeClient();
        FakeClient fast = new FakeClient();
        group.join(slow, null);
        group.join(fast, null);
        group.deliver(tick(1));

        slow.busy = true;
        group.deliver(tick(2));
        group.deliver(tick(3));
        slow.busy = false;
        group.deliver(tick(4));
        group.deliver(tick(5));

        assertThat(slow.got).containsExactly("full 1", "full 4", "delta 5");
        assertThat(fast.got).containsExactly("full 1", "delta 2", "delta 3", "delta 4", "delta 5");
        assertThat(group.skipped()).isEqualTo(2);
    }

    @Test
    void aClientThatLeftIsSentNothing() {
        ClientGroup group = new ClientGroup();
        FakeClient c = new FakeClient();
        group.join(c, null);
        group.leave(c);

        group.deliver(tick(1));

        assertThat(c.got).isEmpty();
        assertThat(group.size()).isZero();
    }
}
