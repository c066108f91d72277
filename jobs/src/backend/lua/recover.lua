-- recover: any live process (or fleetctl) returns the jobs of workers whose lease lapsed. The
-- attempt was counted at claim, so a job that has used its last attempt goes to the dead letters.
-- ARGV: prefix, limit. Returns the number of jobs returned to ready and sent to dead letters.
local prefix, limit = ARGV[1], tonumber(ARGV[2])
local now = now_ms()
local workers = prefix .. ':workers'
local lapsed = redis.call('ZRANGEBYSCORE', workers, '-inf', now, 'LIMIT', 0, limit)
local requeued, dead = 0, 0
for _, member in ipairs(lapsed) do
  local sep = string.find(member, '|', 1, true)
  local queue, wid = string.sub(member, 1, sep - 1), string.sub(member, sep + 1)
  local inflight = inflight_key(prefix, queue, wid)
  local stats = qkey(prefix, queue, 'stats')
  local ids = redis.call('LRANGE', inflight, 0, -1)
  for _, id in ipairs(ids) do
    local jk = job_key(prefix, id)
    local f = redis.call('HMGET', jk, 'a', 'm')
    if f[1] then
      local msg = 'lease expired: worker ' .. wid .. ' stopped renewing it'
      if tonumber(f[1]) >= tonumber(f[2]) then
        redis.call('HSET', jk, 'err', msg, 'd', now)
        redis.call('ZADD', qkey(prefix, queue, 'dead'), now, id)
        redis.call('HINCRBY', stats, 'dead', 1)
        dead = dead + 1
      else
        redis.call('HSET', jk, 'err', msg)
        redis.call('RPUSH', qkey(prefix, queue, 'ready'), id)
        requeued = requeued + 1
      end
    end
  end
  if #ids > 0 then redis.call('HINCRBY', stats, 'running', -#ids) end
  redis.call('DEL', inflight)
  redis.call('ZREM', workers, member)
end
return { requeued, dead }
