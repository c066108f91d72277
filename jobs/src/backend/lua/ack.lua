-- ack: the handler finished; forget the jobs. A job no longer in this worker's in-flight list was
-- recovered by another process after this worker's lease lapsed; its record now belongs to that run.
-- ARGV: prefix, queue, worker id, ids...
local prefix, queue, wid = ARGV[1], ARGV[2], ARGV[3]
local inflight = inflight_key(prefix, queue, wid)
local done = 0
for i = 4, #ARGV do
  if redis.call('LREM', inflight, 1, ARGV[i]) == 1 then
    redis.call('DEL', job_key(prefix, ARGV[i]))
    done = done + 1
  end
end
if done > 0 then
  local stats = qkey(prefix, queue, 'stats')
  redis.call('HINCRBY', stats, 'running', -done)
  redis.call('HINCRBY', stats, 'completed', done)
end
return done
