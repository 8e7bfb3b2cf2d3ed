package io.sseconnector.connector.delivery;

import java.nio.file.Path;

/**
 * A process that spills and dies: appends {@code count} events to a spill file, reads back and
 * acknowledges the first {@code acknowledged}, prints {@code ready}, and waits to be killed with
 * SIGKILL, without closing or flushing anything.
 */
public final class SpillFileCrashChild {
    private SpillFileCrashChild() {}

    public static void main(String[] args) throws InterruptedException {
        Path path = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int acknowledged = Integer.parseInt(args[2]);
        SpillFile spill = SpillFile.open(path, Long.MAX_VALUE);
        for (int id = 1; id <= count; id++) {
            SpillFileTest.append(spill, id, SpillFileTest.data(id));
        }
        for (int i = 0; i < acknowledged; i++) {
            spill.acknowledge(spill.poll().end());
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
