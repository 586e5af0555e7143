-- [KEYS=n] [TTL=s] [ORDER=sequential] wrk -t2 -c50 -d15s -s node/bench/put.lua http://127.0.0.1:18181
-- PUT /v1/data/k-<key> with a 1 KB body. Keys come from a space of KEYS (default 10,000, the
-- scenarios' default key_space), so the live set is bounded however long wrk runs: about 11 MB by
-- default, about 1 GB per node with KEYS=1000000. ORDER=sequential PUTs k-1 .. k-KEYS once each, the
-- wrk threads taking turns, then starts again: node/bench/live-set.sh fills its live set that way.
-- THREADS (default 2) must be wrk's -t: wrk starts thread 1 before it sets up thread 2, so a thread
-- cannot count its peers itself. Counting them in setup() gave thread 1 a step of 1 for its first
-- requests and half the keys twice: 12,102 PUTs of -t2 -c50 stored 6,161 keys.
local KEYS = tonumber(os.getenv("KEYS") or "10000")
local TTL = os.getenv("TTL")
local SEQUENTIAL = os.getenv("ORDER") == "sequential"
wrk.method = "PUT"
wrk.body = string.rep("x", 1024)
wrk.headers["Content-Type"] = "application/octet-stream"

local THREADS = tonumber(os.getenv("THREADS") or "2")
local count = 0
function setup(thread)
  count = count + 1
  if SEQUENTIAL and count > THREADS then
    error("ORDER=sequential with more wrk threads than THREADS=" .. THREADS .. ": set THREADS to wrk's -t")
  end
  thread:set("tid", count)
  thread:set("threads", THREADS)
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
  next_key = tid
end

local function key()
  if not SEQUENTIAL then
    return math.random(1, KEYS)
  end
  local k = next_key
  next_key = next_key + threads
  if next_key > KEYS then
    next_key = tid
  end
  return k
end

function request()
  local path = "/v1/data/k-" .. key()
  if TTL and TTL ~= "" then
    path = path .. "?ttl=" .. TTL
  end
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
