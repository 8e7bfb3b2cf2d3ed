package io.sseconnector.benchmarks.streams;

import java.util.SplittableRandom;

/**
 * The analytics camera's events (the seed's simulator, DESIGN §2.4) in the mix of a busy camera:
 * 55 % ALERT_DLQC (the long leak payload), 20 % ALERT, 15 % HEARTBEAT, 10 % ANALYTICS_ENABLED /
 * ANALYTICS_DISABLED (toggled). Each event is {@code event: TYPE\nid: N\ndata: {json}\n\n}.
 */
final class CameraEvents {
    private static final long START_MS = 1_705_339_200_000L;

    private CameraEvents() {}

    static EncodedStream generate(int events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EncodedStream.Builder out = new EncodedStream.Builder(events * 340);
        long timestamp = START_MS;
        long eventId = 1000;
        boolean analyticsOn = false;
        for (int i = 1; i <= events; i++) {
            timestamp += random.nextInt(1, 40);
            int roll = random.nextInt(100);
            String type;
            String json;
            if (roll < 55) {
                type = "ALERT_DLQC";
                json = dlqc(random, timestamp, ++eventId);
            } else if (roll < 75) {
                type = "ALERT";
                json = "{\"type\":\"ALERT\",\"timestamp\":" + timestamp + ",\"message\":\"leak\",\"event_id\":"
                        + ++eventId + "}";
            } else if (roll < 90) {
                type = "HEARTBEAT";
                json = "{\"type\":\"HEARTBEAT\",\"timestamp\":" + timestamp + "}";
            } else {
                analyticsOn = !analyticsOn;
                type = analyticsOn ? "ANALYTICS_ENABLED" : "ANALYTICS_DISABLED";
                json = "{\"type\":\"" + type + "\",\"timestamp\":" + timestamp
                        + ",\"analytics_type\":\"leak detection\"}";
            }
            out.event(type, Integer.toString(i), json);
        }
        return out.build();
    }

    private static String dlqc(SplittableRandom r, long timestamp, long eventId) {
        return new StringBuilder(560)
                .append("{\"type\":\"ALERT_DLQC\",\"timestamp\":")
                .append(timestamp)
                .append(",\"message\":\"leak\",\"event_id\":")
                .append(eventId)
                .append(",\"camera_id\":")
                .append(r.nextInt(1, 10))
                .append(",\"leak_location\":{\"longitude\":")
                .append(r.nextDouble(-180, 180))
                .append(",\"latitude\":")
                .append(r.nextDouble(-90, 90))
                .append("},\"camera_location\":{\"longitude\":")
                .append(r.nextDouble(-180, 180))
                .append(",\"latitude\":")
                .append(r.nextDouble(-90, 90))
                .append("},\"flow_rate\":")
                .append(r.nextDouble(0, 5))
                .append(",\"unit\":\"g/s\",\"mass\":")
                .append(r.nextDouble(0, 10))
                .append(",\"mass_unit\":\"kg\",\"confidence_level\":")
                .append(r.nextInt(0, 101))
                .append(",\"camera_orientation\":")
                .append(r.nextInt(0, 360))
                .append(",\"depression_angle\":")
                .append(r.nextInt(0, 91))
                .append(",\"wind_speed\":")
                .append(r.nextDouble(0, 60))
                .append(",\"wind_speed_unit\":\"m/h\",\"wind_direction\":")
                .append(r.nextInt(0, 360))
                .append(",\"temperature\":")
                .append(r.nextDouble(-20, 110))
                .append(",\"temperature_unit\":\"F\",\"humidity\":")
                .append(r.nextInt(0, 101))
                .append('}')
                .toString();
    }
}
