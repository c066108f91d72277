-- push: store jobs and make them runnable, in one round trip for a whole batch. The client sends
-- only jobs it cannot inline here: delayed ones (they wait in the schedule, by id) and the rare
-- job with byte 31 in a trace field. Keyed ones share their idempotency keys with push_keyed.lua.
-- ARGV: prefix, queue, idempotency ttl (s), then 7 fields per job:
--   id, payload, max_attempts, delay_ms (0 = now), idempotency key ('' = none), traceparent, request id
-- Returns, per job: the id that holds the work and 1 if it was a duplicate (the existing job's id), else 0.
-- Empty optional fields are not stored (a missing field reads as empty), and ready ids go out in
-- one variadic LPUSH per chunk (bounded, so no unpack limit can be hit): fewer writes per job.
local prefix, queue, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now = now_ms()
local ready = qkey(prefix, queue, 'ready')
local sched = qkey(prefix, queue, 'sched')
local out = {}
local to_ready = {}

local function flush_ready()
  if #to_ready > 0 then
    redis.call('LPUSH', ready, unpack(to_ready))
    to_ready = {}
  end
end

local function store(id, payload, max, key, trace, rid)
  local fields = { 'q', queue, 'p', payload, 'a', 0, 'm', max, 'e', now }
  if key ~= '' then fields[#fields + 1] = 'k'; fields[#fields + 1] = key end
  if trace ~= '' then fields[#fields + 1] = 't'; fields[#fields + 1] = trace end
  if rid ~= '' then fields[#fields + 1] = 'r'; fields[#fields + 1] = rid end
  redis.call('HSET', job_key(prefix, id), unpack(fields))
end

for i = 4, #ARGV, 7 do
  local id, payload, max, delay = ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3])
  local key, trace, rid = ARGV[i + 4], ARGV[i + 5], ARGV[i + 6]
  local existing = false
  if key ~= '' then
    local ik = prefix .. ':idem:' .. queue .. ':' .. key
    if not redis.call('SET', ik, id, 'NX', 'EX', ttl) then
      existing = redis.call('GET', ik)
    end
  end
  if existing then
    out[#out + 1] = existing
    out[#out + 1] = 1
  else
    store(id, payload, max, key, trace, rid)
    if delay > 0 then
      redis.call('ZADD', sched, now + delay, id)
    else
      to_ready[#to_ready + 1] = id
      if #to_ready >= 1000 then flush_ready() end
    end
    out[#out + 1] = id
    out[#out + 1] = 0
  end
end
flush_ready()
return out
