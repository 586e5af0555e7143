package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.FaultAction;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * An {@link Engine} that records which of its methods were called, in order: around a real engine,
 * or on its own as an engine that can do nothing but say its name, its faults and close. A proxy
 * rather than a class, so it keeps up with the engine SPI as that grows.
 */
final class RecordingEngine {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** What each start was asked to start, in order. */
    final List<ClusterSpec> specs = Collections.synchronizedList(new ArrayList<>());
    final Engine engine;

    private RecordingEngine(Engine delegate, Set<FaultAction> supportedFaults) {
        engine = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (method.getName().equals("start")) specs.add((ClusterSpec) args[0]);
                    switch (method.getName()) {
                        case "toString" -> {
                            return "RecordingEngine(" + delegate + ")";
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> {
                        }
                    }
                    if (delegate == null) {
                        return switch (method.getName()) {
                            case "name" -> "fake";
                            case "supportedFaults" -> supportedFaults;
                            case "close" -> null;
                            default -> throw new AssertionError("the fake engine was asked to " + method.getName());
                        };
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static RecordingEngine around(Engine delegate) {
        return new RecordingEngine(delegate, null);
    }

    /** An engine with no cluster to start, that applies only {@code supportedFaults}. */
    static RecordingEngine fake(Set<FaultAction> supportedFaults) {
        return new RecordingEngine(null, supportedFaults);
    }
}
