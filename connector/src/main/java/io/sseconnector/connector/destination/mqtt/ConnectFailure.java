package io.sseconnector.connector.destination.mqtt;

import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why the broker connection failed, in an operator's words: the broker's refusal (CONNACK code) or
 * the TLS problem, with the setting to check. Built from the client's exception chain, which never
 * holds the password.
 */
final class ConnectFailure {
    private static final String CHECK_CREDENTIALS = "; check mqtt.username and mqtt.password";

    private ConnectFailure() {}

    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Mqtt5ConnAckException refused) {
                Mqtt5ConnAck ack = refused.getMqttMessage();
                Mqtt5ConnAckReasonCode code = ack.getReasonCode();
                boolean credentials = code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD
                        || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED;
                return "the broker refused the connection: " + code
                        + ack.getReasonString()
                                .map(reason -> " (" + reason + ")")
                                .orElse("")
                        + (credentials ? CHECK_CREDENTIALS : "");
            }
            if (t instanceof Mqtt3ConnAckException refused) {
                Mqtt3ConnAckReturnCode code = refused.getMqttMessage().getReturnCode();
                boolean credentials = code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD
                        || code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED;
                return "the broker refused the connection: " + code + (credentials ? CHECK_CREDENTIALS : "");
            }
            if (t instanceof SSLException tls) {
                return "TLS failed: " + tls.getMessage() + tlsHint(String.valueOf(tls.getMessage()));
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static String tlsHint(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("pkix") || m.contains("certification path")) {
            return "; the broker's certificate is not signed by a CA in mqtt.tls.caFile (or the system trust store)";
        }
        if (m.contains("subject alternative") || m.contains("no name matching")) {
            return "; the broker's certificate does not name the host of mqtt.url";
        }
        if (m.contains("certificate_required") || m.contains("bad_certificate") || m.contains("unknown_ca")) {
            return "; the broker did not accept the client certificate (mqtt.tls.certFile and keyFile)";
        }
        return "";
    }
}
