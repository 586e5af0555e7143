package io.repram.orchestrate.load;

import io.repram.orchestrate.results.IntervalFigures;
import org.HdrHistogram.Histogram;

/**
 * One interval with what a load agent sends home besides the headline figures: op counts and the
 * raw histograms, so that the orchestrator can merge agents exactly instead of averaging percentiles.
 * The histograms belong to the generator and are reused for the next interval: copy to keep.
 *
 * @param put      PUT latencies (nanoseconds) of complete responses in this interval
 * @param get      GET latencies (nanoseconds) of complete responses in this interval
 * @param sendSlip how late the generator itself was (nanoseconds), one value per request sent: the
 *                 time from the moment the request could have gone out (open loop: its arrival
 *                 was due and a connection was free; closed loop: its connection became free)
 *                 until the I/O thread actually sent it. A slow server does not add to it; a
 *                 generator short of CPU does.
 */
public record IntervalDetail(IntervalFigures figures, long puts, long gets, Histogram put, Histogram get,
                             Histogram sendSlip) {
}
