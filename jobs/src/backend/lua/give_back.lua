-- Shared by release, reconcile and recover (prepended after common.lua): hand a worker's jobs
-- back. Only claim.lua puts ids into an in-flight list, counting the attempt and `running` as it
-- does, so every id taken out here gives `running` back exactly once.
--   keep: set of in-flight ids the worker is still running (left alone).
--   ran:  set of ids that reached a handler whose outcome was never recorded, or `true` when
--         nobody knows (a lapsed lease): their attempt stays counted, and a job whose last
--         attempt that was goes to the dead letters with `msg`. Any other id never started,
--         so its attempt is given back.
--   with_fetched: also return entries a blocking fetch moved for this worker that no claim took
--         (nothing was counted for them, so they go back untouched: bare ids as ids, inline
--         entries still inline, with no hash).
-- In-flight lists hold bare ids only (claim.lua stores an inline job's entry in its hash as it
-- takes it; `expand` turns that into fields before anything here reads them).
-- Returns: jobs returned to ready, jobs dead-lettered.
local function give_back(prefix, queue, wid, keep, ran, msg, with_fetched)
  local inflight = inflight_key(prefix, queue, wid)
  local ready = qkey(prefix, queue, 'ready')
  local stats = qkey(prefix, queue, 'stats')
  local now = now_ms()
  local removed, requeued, dead = 0, 0, 0
  for _, id in ipairs(redis.call('LRANGE', inflight, 0, -1)) do
    if not keep[id] then
      redis.call('LREM', inflight, 1, id)
      removed = removed + 1
      local jk = job_key(prefix, id)
      expand(prefix, queue, id)
      local f = redis.call('HMGET', jk, 'a', 'm')
      local attempts, max = tonumber(f[1]), tonumber(f[2])
      if attempts then
        if ran == true or ran[id] then
          if attempts >= max then
            redis.call('HSET', jk, 'err', msg, 'd', now)
            redis.call('ZADD', qkey(prefix, queue, 'dead'), now, id)
            redis.call('HINCRBY', stats, 'dead', 1)
            dead = dead + 1
          else
            redis.call('HSET', jk, 'err', msg)
            redis.call('RPUSH', ready, id)
            requeued = requeued + 1
          end
        else
          if attempts > 0 then redis.call('HINCRBY', jk, 'a', -1) end
          redis.call('RPUSH', ready, id)
          requeued = requeued + 1
        end
      end
    end
  end
  if removed > 0 then redis.call('HINCRBY', stats, 'running', -removed) end
  if with_fetched then
    local fetched = fetched_key(prefix, queue, wid)
    -- Newest first onto the taking end, so the oldest is taken first.
    while redis.call('LMOVE', fetched, ready, 'LEFT', 'RIGHT') do
      requeued = requeued + 1
    end
  end
  return requeued, dead
end

-- A set (id -> true) of ARGV[from .. to].
local function argv_set(from, to)
  local s = {}
  for i = from, to do s[ARGV[i]] = true end
  return s
end
