console.debug('hook placeholder');
