-- push_keyed: a run of inline entries of one queue, some with an idempotency key, in one call:
-- each key is recorded as push.lua records it (`SET NX EX`: the id of the job that holds the
-- work, for the idempotency TTL); a key already there (or met earlier in this run) makes its
-- entry a duplicate, and every other entry goes into ready with one variadic LPUSH, in order.
-- No hash is written: the claim does that, as for any inline entry. So a keyed job costs one
-- SET and its share of one LPUSH at enqueue, and after its claim exactly what a plain job costs.
-- The client sends at most 1,000 jobs per call, so no unpack here passes Lua's ~8,000 limit.
-- ARGV: prefix, queue, idempotency ttl (s), then per job:
--   idempotency key ('' = none), inline entry (its id is bytes 2..33)
-- Returns, for each duplicate only: its position in the run (1-based), the id that holds the work.
local prefix, queue, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
local out, ready = {}, {}
for j = 1, (#ARGV - 3) / 2 do
  local key, entry = ARGV[2 + 2 * j], ARGV[3 + 2 * j]
  local held = false
  if key ~= '' then
    local ik = prefix .. ':idem:' .. queue .. ':' .. key
    if not redis.call('SET', ik, string.sub(entry, 2, 33), 'NX', 'EX', ttl) then
      held = redis.call('GET', ik)
    end
  end
  if held then
    out[#out + 1] = j
    out[#out + 1] = held
  else
    ready[#ready + 1] = entry
  end
end
if #ready > 0 then redis.call('LPUSH', qkey(prefix, queue, 'ready'), unpack(ready)) end
return out
