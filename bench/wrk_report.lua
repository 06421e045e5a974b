-- wrk script of benchmark 4 (bench/b4_web.py): counts every answer that is not a 2xx (wrk's own
-- errors.status counts only 4xx/5xx, so a 302 to the sign-in page would pass unseen) and prints
-- one JSON object at the end, after a line "--- wrk-report ---" so the caller can find it:
-- requests, seconds, requests_per_s, errors (socket and status), non_2xx, latency percentiles
-- in milliseconds.
--
-- Each wrk thread runs its own Lua state, so the counts are kept per thread and added up in
-- done() through the thread objects collected in setup().

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non_2xx = 0
   first_bad = 0
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non_2xx = non_2xx + 1
      if first_bad == 0 then
         first_bad = status
      end
   end
end

function done(summary, latency, requests)
   local non_2xx_total = 0
   local first_bad_status = 0
   for _, thread in ipairs(threads) do
      non_2xx_total = non_2xx_total + thread:get("non_2xx")
      local bad = thread:get("first_bad")
      if first_bad_status == 0 and bad ~= 0 then
         first_bad_status = bad
      end
   end
   local seconds = summary.duration / 1e6
   local errors = summary.errors
   local function ms(microseconds)
      return string.format("%.3f", microseconds / 1000)
   end
   io.write("--- wrk-report ---\n")
   io.write(string.format(
      '{"requests": %d, "seconds": %.3f, "requests_per_s": %.3f, "bytes": %d, '
         .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}, '
         .. '"non_2xx": %d, "first_non_2xx_status": %d, '
         .. '"latency_ms": {"mean": %s, "p50": %s, "p90": %s, "p95": %s, "p99": %s, "max": %s}}\n',
      summary.requests, seconds, summary.requests / seconds, summary.bytes,
      errors.connect, errors.read, errors.write, errors.timeout, errors.status,
      non_2xx_total, first_bad_status,
      ms(latency.mean), ms(latency:percentile(50)), ms(latency:percentile(90)),
      ms(latency:percentile(95)), ms(latency:percentile(99)), ms(latency.max)
   ))
end
