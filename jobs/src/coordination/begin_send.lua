-- begin_send: may this run send the reply? One round trip for the whole decision.
-- KEYS[1]: the reply's delivery record; KEYS[2]: its sending mark.
-- ARGV: now (ms), how long a sending mark holds off other runs (ms), how long marks are kept (s).
-- Returns {'accepted', provider id} | {'held', age ms} | {'taken', '1' when an earlier run's
-- mark had lapsed, else ''}.
local accepted = redis.call('GET', KEYS[1])
if accepted then return {'accepted', accepted} end
local now, hold = tonumber(ARGV[1]), tonumber(ARGV[2])
local since = redis.call('GET', KEYS[2])
if since and now - tonumber(since) < hold then
  return {'held', tostring(now - tonumber(since))}
end
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[3])
if since then return {'taken', '1'} end
return {'taken', ''}
