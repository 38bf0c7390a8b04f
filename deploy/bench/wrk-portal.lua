-- wrk script of the performance benchmark (perf-bench.sh):
--   wrk ... -s deploy/bench/wrk-portal.lua URL -- PATHS_FILE
-- Each request takes the next path of PATHS_FILE (one per line; a single line for one page), carries a phone
-- browser's User-Agent and one of 256 client addresses in X-Forwarded-For (the portal trusts it from 127.0.0.1 in
-- the benchmark), so that visit counting is exercised as by real readers. At the end one line is printed:
--   RESULT requests=… duration_us=… p50_us=… p99_us=… max_us=… errors=… bytes=…

local paths = {}
local n = 0
local agent = "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) "
    .. "Chrome/120.0.0.0 Mobile Safari/537.36"

function init(args)
    for line in io.lines(args[1]) do
        if line ~= "" then
            paths[#paths + 1] = line
        end
    end
    -- Threads start at different places in the list.
    n = math.random(0, #paths - 1)
end

function request()
    n = n + 1
    local path = paths[(n % #paths) + 1]
    local address = "10.77." .. (n % 16) .. "." .. ((n * 7) % 16 + 1)
    return wrk.format("GET", path, { ["User-Agent"] = agent, ["X-Forwarded-For"] = address })
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d errors=%d bytes=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
        e.connect + e.read + e.write + e.status + e.timeout, summary.bytes))
end
