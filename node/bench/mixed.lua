-- wrk -t2 -c50 -d15s -s node/bench/mixed.lua http://127.0.0.1:18181
-- 70% PUT of a 1 KB value / 30% GET of a key this thread wrote earlier.
local body = string.rep("x", 1024)
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
  written = 0
end

function request()
  if written > 0 and math.random() < 0.3 then
    return wrk.format("GET", "/v1/data/m-" .. tid .. "-" .. math.random(1, written))
  end
  written = written + 1
  return wrk.format("PUT", "/v1/data/m-" .. tid .. "-" .. written, nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
