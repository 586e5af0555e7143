package io.repram.orchestrate.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;

/**
 * Schema 2 writes every latency as whole microseconds ({@code _us}), whatever unit the record
 * keeps it in: nanoseconds for histogram figures (HdrHistogram's unit), milliseconds for the
 * convergence probe. These convert on the way out and back; sub-microsecond digits are noise for
 * HTTP latencies and are dropped.
 */
public final class Micros {

    private Micros() {
    }

    public static long fromNanos(double nanos) {
        return Math.round(nanos / 1_000.0);
    }

    public static long fromMillis(double millis) {
        return Math.round(millis * 1_000.0);
    }

    /** A nanosecond figure written as whole microseconds. */
    public static final class NanosOut extends JsonSerializer<Number> {
        @Override
        public void serialize(Number nanos, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeNumber(fromNanos(nanos.doubleValue()));
        }
    }

    /** Whole microseconds read into a {@code long} nanosecond component. */
    public static final class NanosLongIn extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext c) throws IOException {
            return Math.round(p.getValueAsDouble() * 1_000.0);
        }
    }

    /** Whole microseconds read into a {@code double} nanosecond component. */
    public static final class NanosDoubleIn extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
            return p.getValueAsDouble() * 1_000.0;
        }
    }

    /** A millisecond figure written as whole microseconds. */
    public static final class MillisOut extends JsonSerializer<Number> {
        @Override
        public void serialize(Number millis, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeNumber(fromMillis(millis.doubleValue()));
        }
    }

    /** Whole microseconds read into a {@code double} millisecond component. */
    public static final class MillisDoubleIn extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
            return p.getValueAsDouble() / 1_000.0;
        }
    }
}
