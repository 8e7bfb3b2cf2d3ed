package io.sseconnector.connector.simulator;

import static io.sseconnector.server.DeliveryPolicy.Action.CLOSE;
import static io.sseconnector.server.DeliveryPolicy.Action.CUT;
import static io.sseconnector.server.DeliveryPolicy.Action.SEND;
import static io.sseconnector.server.DeliveryPolicy.Action.STALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.server.DeliveryPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPolicyTest {
    private static List<DeliveryPolicy.Action> decisions(FaultPolicy policy, int count) {
        List<DeliveryPolicy.Action> actions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            actions.add(policy.decide(i, "HEARTBEAT"));
        }
        return actions;
    }

    @Test
    void disconnectEveryClosesAtEventNPlusOne() {
        assertThat(decisions(new FaultPolicy(3, false, 0), 4)).containsExactly(SEND, SEND, SEND, CLOSE);
        assertThat(decisions(new FaultPolicy(2, true, 0), 3)).containsExactly(SEND, SEND, CUT);
    }

    @Test
    void stallAfterStallsAtEventNPlusOne() {
        assertThat(decisions(new FaultPolicy(0, false, 2), 3)).containsExactly(SEND, SEND, STALL);
    }

    @Test
    void theEarlierFaultWins() {
        assertThat(decisions(new FaultPolicy(5, false, 2), 3)).containsExactly(SEND, SEND, STALL);
        assertThat(decisions(new FaultPolicy(1, false, 5), 2)).containsExactly(SEND, CLOSE);
    }

    @Test
    void noFaultSendsEverything() {
        assertThat(decisions(new FaultPolicy(0, false, 0), 100)).containsOnly(SEND);
        assertThat(FaultPolicy.enabled(CameraSettings.DEFAULTS)).isFalse();
        assertThat(FaultPolicy.enabled(CameraSettings.DEFAULTS.withStallAfter(1)))
                .isTrue();
    }
}
