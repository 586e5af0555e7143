package io.repram.orchestrate.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of CPU numbers in the list form of Linux and Docker's --cpuset-cpus: "1", "1-3", "0,2-3".
 */
public final class CpuSet {
    public static final String FORMS = "a CPU list such as \"1\", \"1-3\" or \"0,2-3\" (CPU numbers from 0)";
    private static final Pattern LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    /** Docker and the kernel accept far fewer; a bound keeps "0-999999999" from allocating. */
    private static final int MAX_CPU = 4095;

    private CpuSet() {
    }

    /** The CPUs of {@code text}, ascending. @throws IllegalArgumentException naming the problem */
    public static List<Integer> parse(String text) {
        String t = text == null ? "" : text.replace(" ", "");
        if (!LIST.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + FORMS);
        }
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String part : t.split(",")) {
            String[] ends = part.split("-");
            int from = number(ends[0], text);
            int to = ends.length == 1 ? from : number(ends[1], text);
            if (to < from) throw new IllegalArgumentException("'" + text + "': the range " + part + " runs backwards");
            for (int c = from; c <= to; c++) cpus.add(c);
        }
        return new ArrayList<>(cpus);
    }

    /** The shortest list form of {@code cpus}: [0, 1, 2, 5] is "0-2,5". */
    public static String format(List<Integer> cpus) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(cpus));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) j++;
            parts.add(i == j ? sorted.get(i).toString() : sorted.get(i) + "-" + sorted.get(j));
            i = j + 1;
        }
        return parts.stream().collect(Collectors.joining(","));
    }

    private static int number(String digits, String text) {
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            n = Integer.MAX_VALUE;
        }
        if (n > MAX_CPU) throw new IllegalArgumentException("'" + text + "': CPU " + digits + " is above " + MAX_CPU);
        return n;
    }
}
