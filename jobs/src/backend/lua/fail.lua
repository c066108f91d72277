-- fail: the handler failed. With delay_ms >= 0 the job waits its backoff in the schedule zset
-- (it survives any restart there); with delay_ms < 0 it goes to the dead letters with its error.
-- ARGV: prefix, queue, worker id, id, delay_ms, error, refund (1: a dependency was down, the run
-- does not count against the job's attempts)
local prefix, queue, wid, id = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local delay, err, refund = tonumber(ARGV[5]), ARGV[6], ARGV[7]
if redis.call('LREM', inflight_key(prefix, queue, wid), 1, id) == 0 then return 0 end
local now = now_ms()
local stats = qkey(prefix, queue, 'stats')
expand(prefix, queue, id)
redis.call('HINCRBY', stats, 'running', -1)
if delay >= 0 then
  redis.call('HSET', job_key(prefix, id), 'err', err, 'n', now + delay)
  if refund == '1' then redis.call('HINCRBY', job_key(prefix, id), 'a', -1) end
  redis.call('ZADD', qkey(prefix, queue, 'sched'), now + delay, id)
  redis.call('HINCRBY', stats, 'retried', 1)
else
  redis.call('HSET', job_key(prefix, id), 'err', err, 'd', now)
  redis.call('ZADD', qkey(prefix, queue, 'dead'), now, id)
  redis.call('HINCRBY', stats, 'dead', 1)
end
return 1
