package io.repram.orchestrate.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs commands in-process, configured as {@link Main} configures them, and keeps what they printed. */
final class Captured {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    int run(Object command, String... args) {
        CommandLine cl = Main.commandLine(command);
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        cl.setOut(o);
        cl.setErr(e);
        try {
            return cl.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    void reset() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    @Override
    public String toString() {
        return "stdout:\n" + out + "\nstderr:\n" + err;
    }
}
