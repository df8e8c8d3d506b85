trap { 'trapped'; continue }
throw 'x'
