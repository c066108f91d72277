-- release: a stopping worker hands back what it holds but will not run: ids claimed but never
-- started (their attempt is given back), ids whose outcome it could not record (ARGV ids: their
-- attempt stays counted), and entries a blocking fetch moved that no claim took (untouched).
-- Then it drops the worker's registration.
-- ARGV: prefix, queue, worker id, unrecorded ids...
-- Returns: the number of jobs handed back (to ready or, for used-up unrecorded ones, dead letters).
local prefix, queue, wid = ARGV[1], ARGV[2], ARGV[3]
local requeued, dead = give_back(prefix, queue, wid, {}, argv_set(4, #ARGV),
  'the outcome of this run could not be recorded', true)
redis.call('ZREM', prefix .. ':workers', queue .. '|' .. wid)
return requeued + dead
