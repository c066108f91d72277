-- release: a stopping worker hands back jobs it claimed but never started; their attempt is
-- given back and they go to the head of the ready list. Also drops the worker's registration.
-- ARGV: prefix, queue, worker id
local prefix, queue, wid = ARGV[1], ARGV[2], ARGV[3]
local inflight = inflight_key(prefix, queue, wid)
local ready = qkey(prefix, queue, 'ready')
local ids = redis.call('LRANGE', inflight, 0, -1)
for _, id in ipairs(ids) do
  redis.call('HINCRBY', job_key(prefix, id), 'a', -1)
  redis.call('RPUSH', ready, id)
end
redis.call('DEL', inflight)
if #ids > 0 then redis.call('HINCRBY', qkey(prefix, queue, 'stats'), 'running', -#ids) end
redis.call('ZREM', prefix .. ':workers', queue .. '|' .. wid)
return #ids
