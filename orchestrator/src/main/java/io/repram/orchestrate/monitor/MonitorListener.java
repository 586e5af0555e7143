package io.repram.orchestrate.monitor;

import java.util.List;

/** Where the monitor's figures go as they come: the dashboard or plain lines. Called on the monitor's thread. */
public interface MonitorListener {

    /** Every second; {@code events} are the UP/DOWN changes this second showed, already worded. */
    void second(Tick tick, List<String> events);

    /** Every {@code --interval}, when a CSV row is written; the tick's window covers the interval. */
    void row(Tick tick);
}
